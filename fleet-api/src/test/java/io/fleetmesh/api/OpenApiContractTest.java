package io.fleetmesh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is one a client generator can use: every operation under {@code /api/} says how to
 * authenticate, which role it needs and which errors it answers, as problem details with examples. Spot checks hold
 * it to reality: the documented role is the one enforced, and the examples are what the app answers.
 */
class OpenApiContractTest extends IntegrationTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final List<String> ROLES = List.of("VIEWER", "OPERATOR", "ADMIN");
    private static final String PROBLEM = "application/problem+json";
    private static final String ROLE_DENIED = "Your role does not allow this, or the request lacks its CSRF token.";

    private JsonNode document;

    @BeforeEach
    void document() {
        document = as(null).get("/v3/api-docs").json();
    }

    @Test
    void bothSchemesExistAndEveryOperationDeclaresItsSecurityAndRole() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("type").stringValue()).isEqualTo("http");
        assertThat(schemes.path("apiKey").path("scheme").stringValue()).isEqualTo("bearer");
        assertThat(schemes.path("basic").path("type").stringValue()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").stringValue()).isEqualTo("basic");
        List<String> roles = new ArrayList<>();
        forEachOperation((key, operation) -> {
            String role = operation.path("x-required-role").stringValue("");
            roles.add(role);
            assertThat(operation.has("security")).as("%s declares security", key).isTrue();
            if (role.equals("none")) {
                assertThat(operation.get("security")).as(key).isEmpty();
                return;
            }
            assertThat(role).as("%s x-required-role", key).isIn(ROLES);
            assertThat(operation.get("security").toString()).as(key)
                    .isEqualTo("[{\"apiKey\":[\"%s\"]},{\"basic\":[\"%s\"]}]".formatted(role, role));
            assertThat(operation.path("description").stringValue("")).as(key).contains("Requires the " + role + " role");
        });
        assertThat(roles).contains("VIEWER", "OPERATOR", "ADMIN");
        assertThat(operation("get", "/api/v1/audit").path("x-required-role").stringValue()).isEqualTo("ADMIN");
        assertThat(operation("put", "/api/v1/operators/me/password").path("x-required-role").stringValue())
                .isEqualTo("VIEWER");
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemDetailsWithExamples() {
        JsonNode schema = document.path("components").path("schemas").path("ProblemDetail");
        assertThat(schema.path("type").stringValue()).isEqualTo("object");
        assertThat(schema.path("properties").propertyNames()).contains("type", "title", "status", "detail", "instance");
        forEachOperation((key, operation) -> {
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>(List.of("400"));
            if (!operation.path("x-required-role").stringValue("").equals("none")) {
                expected.addAll(List.of("401", "403"));
            }
            assertThat(responses.propertyNames()).as(key).containsAll(expected);
            assertThat(responses.has("404")).as("%s: 404 exactly when the path names something", key)
                    .isEqualTo(key.contains("{"));
            assertThat(responses.has("415")).as("%s: 415 exactly when there is a body", key)
                    .isEqualTo(operation.has("requestBody"));
            assertThat(responses.propertyNames()).as("%s keeps its success", key).anyMatch(status -> status.startsWith("2"));
            for (String status : responses.propertyNames()) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertProblem(key + " " + status, Integer.parseInt(status), responses.get(status));
                }
            }
        });
        assertThat(operation("post", "/api/v1/devices").path("responses").propertyNames()).contains("409");
        assertThat(operation("post", "/api/v1/commands/{id}/cancel").path("responses").propertyNames()).contains("409");
        assertThat(operation("post", "/api/v1/alerts/{id}/acknowledge").path("responses").propertyNames()).contains("409");
        assertThat(operation("post", "/api/v1/devices/{deviceId}/commands").path("responses").propertyNames()).contains("422");
        assertThat(operation("post", "/api/v1/fanouts").path("responses").propertyNames()).contains("422");
        assertThat(operation("get", "/api/v1/devices").path("responses").propertyNames()).doesNotContain("409", "422");
    }

    /** Only problem+json, the shared schema, and examples whose status is the response's. */
    private static void assertProblem(String what, int status, JsonNode response) {
        assertThat(response.path("description").stringValue("")).as(what).isNotBlank();
        assertThat(response.path("content").propertyNames()).as(what).containsExactly(PROBLEM);
        JsonNode problem = response.path("content").path(PROBLEM);
        assertThat(problem.path("schema").path("$ref").stringValue()).as(what).isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(problem.path("examples").isEmpty()).as("%s has examples", what).isFalse();
        for (JsonNode example : problem.path("examples")) {
            assertThat(example.path("value").path("status").asInt()).as(what).isEqualTo(status);
            assertThat(example.path("value").path("title").stringValue("")).as(what).isNotBlank();
            assertThat(example.path("value").path("detail").stringValue("")).as(what).isNotBlank();
        }
    }

    /**
     * Each operation is refused by role for the role below the documented one, and not refused by role for the
     * documented one (no body, unknown ids: nothing is changed). Streams are left out, as they would not end.
     */
    @Test
    void theDocumentedRoleIsTheOneEnforced() {
        Map<String, String> keys = Map.of("VIEWER", "Bearer " + createKey(adminKey(), "VIEWER"),
                "OPERATOR", "Bearer " + createKey(adminKey(), "OPERATOR"), "ADMIN", adminKey());
        forEachOperation((key, operation) -> {
            String role = operation.path("x-required-role").stringValue();
            String method = key.substring(0, key.indexOf(' '));
            String url = url(key.substring(key.indexOf(' ') + 1), operation);
            if (role.equals("none")) {
                return;
            }
            if (role.equals("VIEWER")) {
                assertThat(as(null).send(method, url, null, null).status()).as(key).isEqualTo(401);
            } else {
                Response below = as(keys.get(ROLES.get(ROLES.indexOf(role) - 1))).send(method, url, null, null);
                assertThat(below.status()).as("%s below %s: %s", key, role, below.body()).isEqualTo(403);
                assertThat(below.json().path("detail").stringValue()).as(key).isEqualTo(ROLE_DENIED);
            }
            if (!operation.path("responses").path("200").path("content").has("text/event-stream")) {
                Response allowed = as(keys.get(role)).send(method, url, null, null);
                assertThat(allowed.body()).as("%s as %s: %d", key, role, allowed.status()).doesNotContain(ROLE_DENIED);
            }
        });
    }

    /** The path with ids no test uses (a UUID where the parameter is one), and its required query parameters. */
    private static String url(String path, JsonNode operation) {
        String url = path;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").stringValue();
            if (parameter.path("in").stringValue().equals("path")) {
                boolean uuid = parameter.path("schema").path("format").stringValue("").equals("uuid");
                url = url.replace("{" + name + "}", uuid ? UUID.randomUUID().toString() : uniqueId("contract"));
            } else if (parameter.path("in").stringValue().equals("query") && parameter.path("required").asBoolean()) {
                query.add(name + "=x");
            }
        }
        return query.isEmpty() ? url : url + "?" + String.join("&", query);
    }

    /** Every operation naming something unknown, with no body to refuse first, answers one of its 404 examples. */
    @Test
    void the404ExamplesAreWhatTheAppAnswers() {
        List<String> checked = new ArrayList<>();
        forEachOperation((key, operation) -> {
            if (key.contains("{") && !operation.has("requestBody")) {
                String method = key.substring(0, key.indexOf(' '));
                Response real = send(method, url(key.substring(key.indexOf(' ') + 1), operation), null, null);
                assertThat(real.status()).as("%s: %s", key, real.body()).isEqualTo(404);
                assertThat(examples(operation, "404")).as(key).anySatisfy(example -> assertSame(example, real.json()));
                checked.add(key);
            }
        });
        assertThat(checked).contains("GET /api/v1/devices/{id}", "GET /api/v1/commands/{id}", "DELETE /api/v1/rules/{key}",
                "GET /api/v1/fanouts/{id}", "DELETE /api/v1/api-keys/{id}");
    }

    @Test
    void theOtherExamplesAreWhatTheAppAnswers() {
        String device = uniqueId("contract");
        createDevice(device);
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");
        assertMatches("get", "/api/v1/devices", "401", as(null).get("/api/v1/devices"));
        assertMatches("get", "/api/v1/audit", "403", as(viewer).get("/api/v1/audit"));
        assertMatches("post", "/api/v1/devices", "400", postJson("/api/v1/devices", "{\"id\": "));
        assertMatches("get", "/api/v1/commands/{id}", "400", get("/api/v1/commands/not-a-uuid"));
        assertMatches("get", "/api/v1/audit", "400", get("/api/v1/audit?before=%C0%AEx"));
        assertMatches("get", "/api/v1/webhooks/{id}/deliveries", "400", get("/api/v1/webhooks//deliveries"));
        assertMatches("post", "/api/v1/devices", "409", postJson("/api/v1/devices", """
                {"id": "%s", "name": "Again", "kind": "van", "tags": []}""".formatted(device)));
        assertMatches("post", "/api/v1/devices", "415", send("POST", "/api/v1/devices", "x", MediaType.TEXT_PLAIN));
        assertMatches("post", "/api/v1/fanouts", "422", postJson("/api/v1/fanouts", """
                {"tag": "%s", "command": {"type": "ping"}}""".formatted(uniqueId("nobody"))));
    }

    private void assertMatches(String method, String path, String status, Response real) {
        assertThat(real.status()).as(real.body()).isEqualTo(Integer.parseInt(status));
        assertThat(real.contentType()).startsWith(PROBLEM);
        assertThat(examples(operation(method, path), status)).as("%s %s %s", method, path, status)
                .anySatisfy(example -> assertSame(example, real.json()));
    }

    /** The same title, status and detail, the same members, and for a 400 the same fields refused. */
    private static void assertSame(JsonNode example, JsonNode real) {
        assertThat(example.path("title")).isEqualTo(real.path("title"));
        assertThat(example.path("status")).isEqualTo(real.path("status"));
        assertThat(example.path("detail")).isEqualTo(real.path("detail"));
        assertThat(example.propertyNames()).containsExactlyInAnyOrderElementsOf(real.propertyNames());
        List<String> exampleFields = real.path("errors").valueStream().map(e -> e.path("field").stringValue()).toList();
        assertThat(example.path("errors").valueStream().map(e -> e.path("field").stringValue()).toList())
                .isEqualTo(exampleFields);
    }

    private List<JsonNode> examples(JsonNode operation, String status) {
        return operation.path("responses").path(status).path("content").path(PROBLEM).path("examples").valueStream()
                .map(example -> example.path("value")).toList();
    }

    private JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method);
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        for (String path : document.path("paths").propertyNames()) {
            for (String method : METHODS) {
                if (path.startsWith("/api/") && document.path("paths").path(path).has(method)) {
                    check.accept(method.toUpperCase() + " " + path, document.path("paths").path(path).path(method));
                }
            }
        }
    }
}
