package io.fleetmesh.api;

import io.fleetmesh.api.ApiOperation.Parameter;
import io.fleetmesh.api.HostileValues.UrlText;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/** Builds one request for an operation: its URL, headers, credentials and body, each valid or hostile. */
final class FuzzRequests {

    private static final List<String> WRONG_ACCEPTS = List.of("text/csv", "application/xml", "image/png", "text/html",
            "application/json;q=0", "garbage", "", "*/*;q=abc", "text/event-stream", "application/problem+json",
            "application/*", "*/*");
    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=fuzz",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "application/json;;;", "*/*",
            "application/*", "garbage", "text/csv", "application/merge-patch+json", "application/problem+json",
            "application/json; charset=ISO-8859-1", "text/csv; charset=nonsense", "image/png");
    private static final List<String> NOT_JSON = List.of("not json", "{", "{\"a\":", "[1,2", "\"unterminated",
            "<xml/>", "a=1&b=2", "id,name\n1,2", "\uFEFF{}", "{} {}", "{\"a\":1,\"a\":2}", "nul", "'single'", "{a:1}",
            "[1,]", "NaN", "// comment\n{}", "--fuzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--fuzz--",
            "\u0000", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "[]", "null", "1", "\"\"");

    private final String baseUrl;
    private final JsonNode schemas;
    private final FuzzFixtures.Fixtures fixtures;

    FuzzRequests(String baseUrl, JsonNode schemas, FuzzFixtures.Fixtures fixtures) {
        this.baseUrl = baseUrl;
        this.schemas = schemas;
        this.fixtures = fixtures;
    }

    /** A request mostly valid (a third of them wholly), else more or less hostile. */
    FuzzRequest build(ApiOperation operation, SplittableRandom random) {
        SchemaValues values = new SchemaValues(schemas, fixtures.knownIds(), random, List.of(0, 5, 30).get(random.nextInt(3)));
        Draft draft = new Draft(values);
        draft.url.append(baseUrl).append(path(operation, draft));
        query(operation, draft);
        String authorization = values.chance(10) ? fixtures.brokenAuthorization(random) : credentials(operation);
        draft.header("Authorization", authorization);
        draft.header("Accept", values.chance(10) ? values.hostile().pick(WRONG_ACCEPTS)
                : operation.streams() ? "text/event-stream" : "application/json");
        headerParameters(operation, draft);
        byte[] body = body(operation, draft);
        // a wrong method, never DELETE: sent to another operation's path it could delete a fixture too early
        String method = values.chance(3) ? values.hostile().pick(List.of("GET", "POST", "PUT", "PATCH")) : operation.method();
        boolean odd = draft.odd || draft.url.length() > 7000;
        return new FuzzRequest(method, draft.url.toString(), draft.headers, body,
                authorization != null && authorization.equals(credentials(operation)), odd);
    }

    /** Operators' own-account operations need an operator's password: an API key has none. */
    private String credentials(ApiOperation operation) {
        return operation.path().startsWith("/api/v1/operators/me/") ? fixtures.operator() : fixtures.adminKey();
    }

    private String path(ApiOperation operation, Draft draft) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                UrlText value = draft.values.text(parameter.schema(), parameter.name());
                draft.odd |= value.raw() || refusedInPath(value.text());
                path = path.replace("{" + parameter.name() + "}", draft.encoded(value));
            }
        }
        return path;
    }

    /**
     * Tomcat refuses an encoded slash or backslash, a NUL or control character, or invalid UTF-8 (a lone surrogate,
     * encoded as bytes) in the path before the application sees the request.
     */
    private static boolean refusedInPath(String text) {
        return text.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20)
                || text.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }

    private void query(ApiOperation operation, Draft draft) {
        String separator = "?";
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && draft.values.chance(parameter.required() ? 95 : 50)) {
                UrlText value = draft.values.text(parameter.schema(), parameter.name());
                if (value != null) {
                    draft.url.append(separator).append(parameter.name()).append('=').append(draft.encoded(value));
                    separator = "&";
                }
            }
        }
        if (draft.values.chance(5)) {
            draft.url.append(separator).append("unknown=").append(draft.encoded(draft.values.hostile().url()));
        }
    }

    private void headerParameters(ApiOperation operation, Draft draft) {
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("header") && draft.values.chance(60)) {
                UrlText value = draft.values.text(parameter.schema(), parameter.name());
                draft.header(parameter.name(), value == null ? null : value.text());
            }
        }
    }

    private byte[] body(ApiOperation operation, Draft draft) {
        SchemaValues values = draft.values;
        if (operation.body() == null) {
            return values.chance(5) ? jsonBody(draft, values.hostile().json()) : null;
        }
        draft.header("Content-Type", values.chance(12) ? values.hostile().pick(WRONG_TYPES) : operation.body().mediaType());
        int shape = values.random().nextInt(16);
        if (shape == 0) {
            return new byte[0];
        }
        if (shape == 1) {
            byte[] junk = new byte[values.hostile().pick(List.of(1, 16, 2000))];
            values.random().nextBytes(junk);
            return values.chance(50) ? junk : FuzzRequest.wtf8(values.hostile().pick(NOT_JSON));
        }
        if (operation.body().mediaType().equals("text/csv")) {
            return FuzzRequest.wtf8(csv(values));
        }
        String name = operation.path().substring(operation.path().lastIndexOf('/') + 1);
        return jsonBody(draft, values.json(operation.body().schema(), name, 0));
    }

    private static byte[] jsonBody(Draft draft, Object value) {
        draft.headers.putIfAbsent("Content-Type", "application/json");
        return FuzzRequest.wtf8(FuzzJson.write(value, draft.values.chance(50)));
    }

    /**
     * A device import: a header and a few rows, valid or not, or more rows than an import takes (of plain cells
     * only, to stay a few megabytes).
     */
    private static String csv(SchemaValues values) {
        StringBuilder csv = new StringBuilder(values.chance(90) ? "id,name,kind,tags\n" : values.hostile().text() + "\n");
        boolean tooMany = values.chance(3);
        int hostility = tooMany ? 0 : 10;
        for (int i = tooMany ? 60_000 : values.hostile().pick(List.of(0, 1, 2, 5)); i > 0; i--) {
            csv.append(cell(values, "[a-z0-9-]{1,20}", hostility)).append(',').append(cell(values, ".{0,20}", hostility))
                    .append(',').append(cell(values, "[a-z0-9-]{1,10}", hostility)).append(',')
                    .append(cell(values, "\"[a-z;]{0,10}\"", hostility)).append('\n');
        }
        return csv.toString();
    }

    private static String cell(SchemaValues values, String pattern, int hostility) {
        return values.chance(hostility) ? values.hostile().text() : PatternValues.generate(pattern, values.random());
    }

    /** The request as it is being built: whether anything in it is meant to be refused before authentication. */
    private static final class Draft {

        private final SchemaValues values;
        private final StringBuilder url = new StringBuilder();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean odd;

        private Draft(SchemaValues values) {
            this.values = values;
        }

        private String encoded(UrlText value) {
            return value.raw() ? value.text() : FuzzRequest.percentEncoded(value.text());
        }

        /** Header values as the HTTP client lets them through: Latin-1 without control characters. */
        private void header(String name, String value) {
            if (value == null) {
                return;
            }
            StringBuilder latin1 = new StringBuilder();
            value.chars().forEach(c -> latin1.append(c == '\t' || c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
            odd |= latin1.length() > 7000;
            headers.put(name, latin1.toString());
        }
    }
}
