package io.fleetmesh.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FuzzExchange.FuzzResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The requests RestFuzzTest found answered with a 5xx, a leak or a body that was no problem detail, sent again as
 * they were: a random run may not draw them a second time.
 */
class RestFuzzFindingsTest extends IntegrationTest {

    private final FuzzExchange exchange = new FuzzExchange();

    @Test
    void aNulInABasicUsernameIsAWrongLogin() throws Exception {
        assertAnswer(401, "GET", "/api/v1/positions", "Basic YQBiOmM=", null, null);
    }

    @Test
    void aStrangerWithAQueryStringThatIsNotUtf8IsUnauthorized() throws Exception {
        assertAnswer(401, "GET", "/api/v1/device-imports/040885a5-8536-6c71-1cb3-ea3dac3016bd?rows=%ED%A0%80x", null,
                null, null);
    }

    @Test
    void aQueryStringThatIsNotUtf8IsABadRequest() throws Exception {
        assertAnswer(400, "GET", "/api/v1/audit?before=%C0%AEx", adminKey(), null, null);
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsRefusedAsAClientError() throws Exception {
        // the API takes no multipart body (only the dashboard's file forms, read by StreamedForm): unsupported, not a 500
        assertAnswer(415, "POST", "/api/v1/devices", adminKey(), "multipart/form-data", "x");
    }

    @Test
    void aNulInASearchIsABadRequestNotAConflict() throws Exception {
        assertAnswer(400, "GET", "/api/v1/devices?q=a%00b", adminKey(), null, null);
    }

    @Test
    void aWildcardContentTypeIsUnsupported() throws Exception {
        assertAnswer(415, "POST", "/api/v1/devices", adminKey(), "application/*", "");
    }

    @Test
    void aUrlTheFirewallRejectsGetsAProblemDetail() throws Exception {
        assertAnswer(400, "GET", "/api/v1/webhooks//deliveries", adminKey(), null, null);
    }

    @Test
    void aNullTagIsABadRequest() throws Exception {
        assertAnswer(400, "POST", "/api/v1/devices", adminKey(), "application/json",
                "{\"id\": \"fuzz-null-tag\", \"name\": \"n\", \"kind\": \"van\", \"tags\": [\"a\", null]}");
    }

    @Test
    void aFormBodyForAPutIsUnsupported() throws Exception {
        assertAnswer(415, "PUT", "/api/v1/rules/sampling", adminKey(), "application/x-www-form-urlencoded", "s%");
    }

    @Test
    void aMalformedImportNamesNoException() throws Exception {
        assertAnswer(400, "POST", "/api/v1/device-imports", adminKey(), "text/csv", "id,name,kind\n\"a\"b,c,d\n");
    }

    @Test
    void anImportHeaderWithAColumnWithoutNameIsABadRequest() throws Exception {
        assertAnswer(400, "POST", "/api/v1/device-imports", adminKey(), "text/csv", "id,,kind\ntruck-1,x,van\n");
    }

    @Test
    void aFormBodyWithANulParameterNameIsABadRequest() throws Exception {
        assertAnswer(400, "POST", "/api/v1/api-keys", adminKey(), "application/x-www-form-urlencoded", "%00");
    }

    /** The status, and every property RestFuzzTest checks. */
    private void assertAnswer(int status, String method, String path, String authorization, String type, String body)
            throws Exception {
        // a stranger's request as a browser sends it: not accepting JSON, it used to be saved for after a login
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", authorization == null ? "text/html" : "application/json"));
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (type != null) {
            headers.put("Content-Type", type);
        }
        FuzzRequest request = new FuzzRequest(method, baseUrl() + path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), adminKey().equals(authorization), false);
        FuzzResponse response = exchange.send(request);
        assertThat(response.status()).as("%s: %s", request.describe(), response.body()).isEqualTo(status);
        assertThat(FuzzChecks.violations(request, response)).as(request.describe()).isEmpty();
    }
}
