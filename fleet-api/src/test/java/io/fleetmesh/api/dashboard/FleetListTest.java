package io.fleetmesh.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The fleet list over REST, on a tenant of its own: where each device stands and since when, its fix, backlog, open
 * alerts and credentials; the filters; and keyset pages in every order that visit each device exactly once.
 */
class FleetListTest extends IntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    private JdbcTemplate jdbc;

    private Tenant tenant;

    @BeforeEach
    void fleet() {
        tenant = newTenant();
        device("a-moving", "Zeta", "van", "{north}");
        state("a-moving", NOW.minusSeconds(5), NOW.minusSeconds(3600), NOW.minusSeconds(2),
                "{\"gps\": {\"ts\": \"%s\", \"metrics\": {\"lat\": 52.5, \"lon\": 13.4, \"speed\": 74.4, \"heading\": 90}}}"
                        .formatted(NOW.minusSeconds(2)), "{\"backlog\": 12}");
        device("b-offline", "Alpha", "reefer-truck", "{north,south}");
        state("b-offline", NOW.minusSeconds(7200), NOW.minusSeconds(9000), null, "{}", "{\"backlog\": \"odd\"}");
        device("c-never", "Mid", "reefer-truck", "{}");
        device("d-tracker", "alpha two", "tracker", "{south}");
        state("d-tracker", null, null, NOW.minusSeconds(1),
                "{\"gps\": {\"ts\": \"%s\", \"metrics\": {\"lat\": 91, \"lon\": 13.4}}}".formatted(NOW.minusSeconds(1)), null);
        jdbc.update("INSERT INTO alerts (id, tenant_id, device_id, rule_id, source, severity, state, message,"
                + " first_raised_at, last_raised_at, count, backfilled) VALUES (?, ?, 'b-offline', ?, 'CLOUD', ?,"
                + " 'ACTIVE', 'm', now(), now(), 1, false)", UUID.randomUUID(), tenant.id(), "r1", "WARNING");
        jdbc.update("INSERT INTO alerts (id, tenant_id, device_id, rule_id, source, severity, state, message,"
                + " first_raised_at, last_raised_at, count, backfilled) VALUES (?, ?, 'b-offline', ?, 'CLOUD', ?,"
                + " 'ACKNOWLEDGED', 'm', now(), now(), 1, false)", UUID.randomUUID(), tenant.id(), "r2", "CRITICAL");
    }

    @Test
    void eachDeviceShowsWhereItStandsSinceWhenItsFixBacklogAlertsAndCredentials() {
        JsonNode moving = only("?q=zeta");
        assertThat(moving.get("presence").stringValue()).isEqualTo("ONLINE");
        assertThat(Instant.parse(moving.get("since").stringValue())).as("its run of heartbeats began").isEqualTo(NOW.minusSeconds(3600));
        assertThat(Instant.parse(moving.get("lastSeen").stringValue())).isEqualTo(NOW.minusSeconds(2));
        assertThat(moving.get("position").get("speed").doubleValue()).isEqualTo(74.4);
        assertThat(moving.get("position").get("heading").doubleValue()).isEqualTo(90);
        assertThat(moving.get("syncBacklog").longValue()).isEqualTo(12);
        assertThat(moving.get("openAlerts").longValue()).isZero();
        assertThat(moving.get("credentialsState").stringValue()).isEqualTo("NONE");

        JsonNode offline = only("?status=offline");
        assertThat(offline.get("id").stringValue()).isEqualTo("b-offline");
        assertThat(Instant.parse(offline.get("since").stringValue())).as("last heard from").isEqualTo(NOW.minusSeconds(7200));
        assertThat(offline.get("openAlerts").longValue()).as("active and acknowledged (and device-offline once the scan ran)")
                .isBetween(2L, 3L);
        assertThat(offline.get("worstAlert").stringValue()).isEqualTo("CRITICAL");
        assertThat(offline.get("syncBacklog").isNull()).as("a backlog that is not a number is unknown").isTrue();
        assertThat(offline.get("position").isNull()).isTrue();

        JsonNode never = only("?status=never-seen");
        assertThat(never.get("id").stringValue()).isEqualTo("c-never");
        assertThat(never.get("lastSeen").isNull()).isTrue();
        JsonNode tracker = only("?kind=tracker");
        assertThat(tracker.get("presence").stringValue()).as("readings are presence too").isEqualTo("ONLINE");
        assertThat(tracker.get("position").isNull()).as("a latitude of 91 is no position").isTrue();
    }

    @Test
    void filtersCombineByStatusTagKindAndName() {
        assertThat(ids("?status=online")).containsExactly("a-moving", "d-tracker");
        assertThat(ids("?tag=south")).containsExactly("b-offline", "d-tracker");
        assertThat(ids("?tag=south&status=online")).containsExactly("d-tracker");
        assertThat(ids("?q=ALPHA&sort=name")).containsExactly("b-offline", "d-tracker");
        assertThat(ids("?kind=reefer-truck&q=mid")).containsExactly("c-never");
        assertThat(ids("?q=%25")).as("a % is a character, not a wildcard").isEmpty();
    }

    @Test
    void everyOrderPagesThroughTheFleetOnceWithNeverSeenLastWhenByLastSeen() {
        assertThat(walk("id")).containsExactly("a-moving", "b-offline", "c-never", "d-tracker");
        assertThat(walk("name")).containsExactly("b-offline", "c-never", "a-moving", "d-tracker");
        assertThat(walk("last-seen")).containsExactly("d-tracker", "a-moving", "b-offline", "c-never");
    }

    @Test
    void badParametersAreProblemsAndTheListIsTheCallersTenantsOnly() {
        for (String bad : List.of("?status=asleep", "?sort=speed", "?limit=0", "?limit=501", "?kind=Not+A+Kind",
                "?cursor=not-a-cursor", "?sort=name&cursor=" + firstCursor("id"))) {
            IntegrationTest.Response answer = as(tenant.credentials()).get("/api/v1/fleet" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(as(null).get("/api/v1/fleet").status()).isEqualTo(401);
        assertThat(get("/api/v1/fleet?q=zeta").json().get("items").toString()).doesNotContain("a-moving");
    }

    @Test
    void aTruckReportingOverTheHubShowsOnTheMapWithItsHeadingAndState() throws Exception {
        String truck = uniqueId("map");
        createDevice(truck);
        nats.jetStream().publish("fleet.%s.telemetry.gps".formatted(truck), ("{\"ts\": \"%s\", \"lat\": 52.5, \"lon\": 13.4,"
                + " \"speed\": 40, \"heading\": 270}").formatted(Instant.now()).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/positions").body().contains(truck));
        JsonNode marker = null;
        for (JsonNode candidate : get("/api/v1/positions").json()) {
            marker = candidate.get("deviceId").stringValue().equals(truck) ? candidate : marker;
        }
        assertThat(marker.get("heading").doubleValue()).isEqualTo(270);
        assertThat(marker.get("state").stringValue()).as("readings within offline-after, at 40 km/h").isEqualTo("moving");
        assertThat(as(tenant.credentials()).get("/api/v1/positions").json()).extracting(m -> m.get("deviceId").stringValue())
                .containsExactly("a-moving");
    }

    private JsonNode only(String query) {
        JsonNode items = as(tenant.credentials()).get("/api/v1/fleet" + query).json().get("items");
        assertThat(items.size()).as(query).isOne();
        return items.get(0);
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        as(tenant.credentials()).get("/api/v1/fleet" + query).json().get("items").forEach(d -> ids.add(d.get("id").stringValue()));
        return ids;
    }

    /** Every page of one device, following the cursors. */
    private List<String> walk(String sort) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = as(tenant.credentials()).get("/api/v1/fleet?limit=1&sort=" + sort + cursor).json();
            page.get("items").forEach(d -> ids.add(d.get("id").stringValue()));
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").stringValue();
        } while (cursor != null && ids.size() < 10);
        return ids;
    }

    private String firstCursor(String sort) {
        return as(tenant.credentials()).get("/api/v1/fleet?limit=1&sort=" + sort).json().get("nextCursor").stringValue();
    }

    private void device(String id, String name, String kind, String tags) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind, tags) VALUES (?, ?, ?, ?, ?::varchar[])",
                tenant.id(), id, name, kind, tags);
    }

    private void state(String id, Instant heartbeat, Instant onlineSince, Instant reading, String values, String status) {
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, status_at, online_since, last_seen, last_values, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)", tenant.id(), id, timestamp(heartbeat),
                timestamp(onlineSince), timestamp(reading), values, status);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
