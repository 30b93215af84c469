package io.fleetmesh.api.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Subject mappings over REST with real PostgreSQL: versions, the dry-run, refusals as problem details that change
 * nothing, a stale change, a rollback, the audit, and roles. (Here the hub is not in operator mode: nothing is
 * applied; SubjectMappingsTest in system-tests applies them on a hub in operator mode.)
 */
class SubjectMappingsApiTest extends IntegrationTest {

    private static final String LEGACY = """
            {"rules": [{"source": "trucks.*.temp", "destinations": [{"subject": "fleet.$1.telemetry.reefer"}]}],
             "note": "the old fleet's layout"}""";

    @Test
    void aMappingSetIsVersionedDryRunRefusedWhenHostileAndRolledBack() {
        int before = current().get("version").intValue();
        JsonNode first = put(LEGACY);
        assertThat(first.get("mappings").get("version").intValue()).isEqualTo(before + 1);
        assertThat(first.get("applied").booleanValue()).as("no operator mode here").isFalse();
        JsonNode dry = postJson("/api/v1/subject-mappings/dry-run", "{\"subject\": \"trucks.t-7.temp\"}").json();
        assertThat(dry.get("mapping").intValue()).isZero();
        assertThat(dry.get("outcomes").get(0).get("subject").stringValue()).isEqualTo("fleet.t-7.telemetry.reefer");
        assertThat(dry.get("outcomes").get(0).get("percent").intValue()).isEqualTo(100);

        Response hostile = send("PUT", "/api/v1/subject-mappings", """
                {"rules": [{"source": "$JS.API.>", "destinations": [{"subject": "stolen.>"}]}]}""", MediaType.APPLICATION_JSON);
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.contentType()).startsWith("application/problem+json");
        assertThat(hostile.json().get("detail").stringValue()).contains("may not capture $ subjects");
        assertThat(hostile.json().get("mapping").intValue()).isZero();
        assertThat(current().get("version").intValue()).as("nothing stored").isEqualTo(before + 1);

        JsonNode canary = put("""
                {"rules": [{"source": "fleet.*.telemetry.door", "destinations": [{"subject": "fleet.$1.telemetry.door-canary",
                 "weight": 10}]}], "version": %d}""".formatted(before + 1));
        assertThat(canary.get("mappings").get("version").intValue()).isEqualTo(before + 2);
        JsonNode split = postJson("/api/v1/subject-mappings/dry-run", "{\"subject\": \"fleet.t-7.telemetry.door\"}").json();
        assertThat(split.get("outcomes").toString()).isEqualTo("[{\"subject\":\"fleet.t-7.telemetry.door-canary\","
                + "\"percent\":10},{\"subject\":\"fleet.t-7.telemetry.door\",\"percent\":90}]");
        Response stale = send("PUT", "/api/v1/subject-mappings", LEGACY.replace("}],", "}], \"version\": %d,"
                .formatted(before + 1)), MediaType.APPLICATION_JSON);
        assertThat(stale.status()).isEqualTo(409);

        JsonNode restored = postJson("/api/v1/subject-mappings/versions/%d/restore".formatted(before + 1), "").json();
        assertThat(restored.get("mappings").get("version").intValue()).isEqualTo(before + 3);
        assertThat(restored.get("mappings").get("restoredFrom").intValue()).isEqualTo(before + 1);
        assertThat(current().get("rules").get(0).get("source").stringValue()).isEqualTo("trucks.*.temp");
        assertThat(get("/api/v1/subject-mappings/versions").json().get(0).get("version").intValue()).isEqualTo(before + 3);
        assertThat(get("/api/v1/audit").body()).contains("subject-mappings-changed", "restored version " + (before + 1));
        assertThat(postJson("/api/v1/subject-mappings/versions/9999/restore", "").status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorChangesMappingsAndASampleIsALiteralSubject() {
        String operator = "Bearer " + createKey(adminKey(), "OPERATOR");
        assertThat(as(operator).send("PUT", "/api/v1/subject-mappings", LEGACY, MediaType.APPLICATION_JSON).status())
                .isEqualTo(403);
        assertThat(as(operator).get("/api/v1/subject-mappings").status()).isEqualTo(200);
        assertThat(postJson("/api/v1/subject-mappings/dry-run", "{\"subject\": \"fleet.*.telemetry\"}").status())
                .isEqualTo(400);
    }

    private JsonNode current() {
        return get("/api/v1/subject-mappings").json();
    }

    private JsonNode put(String body) {
        Response answer = send("PUT", "/api/v1/subject-mappings", body, MediaType.APPLICATION_JSON);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
