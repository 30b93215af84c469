package io.fleetmesh.api.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.identity.CurrentTenant;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Subject mappings over REST with real PostgreSQL: versions, the dry-run, refusals as problem details that change
 * nothing, a stale change, a rollback, the audit, and roles. (Here the hub is not in operator mode: nothing is
 * applied; SubjectMappingsTest in system-tests applies them on a hub in operator mode.)
 */
class SubjectMappingsApiTest extends IntegrationTest {

    @Autowired
    private MappingRollout rollout;
    @Autowired
    private MappingVersions versions;
    @Autowired
    private JdbcTemplate jdbc;

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
    void aTruckThePushMissedGetsTheLatestVersionOnceItsHeartbeatShowsItBehind() {
        String before = uniqueId("before");
        createDevice(before);
        int latest = put(LEGACY).get("mappings").get("version").intValue();
        // the push (in the background) has listed the trucks once the first has its order: the others come after it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/v1/devices/%s/commands?type=apply-mappings"
                .formatted(before)).json().get("items").findValues("version")).extracting(JsonNode::intValue).contains(latest));
        String late = uniqueId("late");
        String silent = uniqueId("silent");
        String current = uniqueId("current");
        String away = uniqueId("away");
        List.of(late, silent, current, away).forEach(this::createDevice);
        heartbeat(late, Instant.now(), 0);
        heartbeat(current, Instant.now(), latest);
        heartbeat(away, Instant.now().minus(Duration.ofDays(1)), 0); // before the last look (6 h here)

        MappingSet set = versions.latest(CurrentTenant.DEFAULT).orElseThrow();
        rollout.catchUp(CurrentTenant.DEFAULT, set);
        rollout.catchUp(CurrentTenant.DEFAULT, set);

        JsonNode orders = get("/api/v1/devices/%s/commands?type=apply-mappings".formatted(late)).json().get("items");
        assertThat(orders).as("ordered once: the second look sees the first order").hasSize(1);
        assertThat(orders.get(0).get("params").get("version").intValue()).isEqualTo(latest);
        assertThat(orders.get(0).get("createdBy").stringValue()).isEqualTo("mappings:catch-up");
        for (String untouched : List.of(silent, current, away)) {
            assertThat(get("/api/v1/devices/%s/commands?type=apply-mappings".formatted(untouched)).json().get("items"))
                    .as(untouched).isEmpty();
        }
    }

    private void heartbeat(String device, Instant at, int mappingsVersion) {
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, status, status_at) VALUES (?, ?, ?::jsonb, ?)",
                CurrentTenant.DEFAULT, device, "{\"ts\": \"%s\", \"mappingsVersion\": %d}".formatted(at, mappingsVersion),
                Timestamp.from(at));
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
