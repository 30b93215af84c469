package io.fleetmesh.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.telemetry.FleetQueries;
import io.fleetmesh.api.telemetry.FleetStatus;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What the dashboard reads besides the lists: the fleet's presence, positions, chart series, live readings. */
class DashboardApiTest extends IntegrationTest {

    @Autowired
    private FleetQueries fleet;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theFleetIsCountedOnlineOfflineAndNeverSeenAndTheMostBehindTrucksAreListed() {
        UUID tenant = UUID.randomUUID();
        jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", tenant, "fleet-" + tenant.toString().substring(0, 8), "f");
        Instant now = Instant.now();
        device(tenant, "online-behind", now.minusSeconds(5), "{\"ts\": \"%s\", \"backlog\": 120, \"oldestUnsyncedAgeSeconds\": 40}");
        device(tenant, "online-synced", now.minusSeconds(5), "{\"ts\": \"%s\", \"backlog\": 0}");
        device(tenant, "offline-behind", now.minus(Duration.ofHours(2)), "{\"ts\": \"%s\", \"backlog\": 5000}");
        device(tenant, "never-seen", null, null);
        // heartbeats are checked for their time only: odd counts must not fail the tenant's overview
        device(tenant, "odd-counts", now.minusSeconds(5), "{\"ts\": \"%s\", \"backlog\": \"lots\", \"oldestUnsyncedAgeSeconds\": [1]}");
        device(tenant, "huge-count", now.minusSeconds(5), "{\"ts\": \"%s\", \"backlog\": 1e30}");
        // a tracker without an agent: its readings are its presence
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?, 'reading-now', 'r', 'sensor')", tenant);
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, last_seen) VALUES (?, 'reading-now', now())", tenant);
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?, 'reading-old', 'r', 'sensor')", tenant);
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, last_seen) VALUES (?, 'reading-old', now() - interval '1 hour')", tenant);

        FleetStatus status = fleet.status(tenant);

        assertThat(status.online()).as("heard from within offline-after, by heartbeat or reading").isEqualTo(5);
        assertThat(status.offline()).as("heard from before that").isEqualTo(2);
        assertThat(status.neverSeen()).isEqualTo(1);
        assertThat(status.backlogs()).extracting(FleetStatus.Backlog::deviceId, FleetStatus.Backlog::backlog,
                FleetStatus.Backlog::online).containsExactly(
                org.assertj.core.groups.Tuple.tuple("offline-behind", 5000L, false),
                org.assertj.core.groups.Tuple.tuple("online-behind", 120L, true));
    }

    @Test
    void theOverviewAndPositionsAreReadableByAViewerAndAChartSeriesAveragesEachBucket() throws Exception {
        String device = uniqueId("chart");
        createDevice(device);
        Instant bucket = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        for (double temp : new double[] {-18, -17, -16}) {
            publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": %s, \"door\": \"closed\"}".formatted(bucket.plusSeconds(1), temp));
        }
        publish(device, "gps", "{\"ts\": \"%s\", \"lat\": 52.5, \"lon\": 13.4}".formatted(Instant.now()));
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");

        await().atMost(Duration.ofSeconds(15)).until(() -> as(viewer).get("/api/v1/positions").body().contains(device));
        JsonNode position = stream(as(viewer).get("/api/v1/positions").json())
                .filter(p -> p.get("deviceId").stringValue().equals(device)).findFirst().orElseThrow();
        assertThat(position.get("lat").doubleValue()).isEqualTo(52.5);
        JsonNode overview = as(viewer).get("/api/v1/overview").json();
        assertThat(overview.get("devices").get("online").isNumber()).isTrue();
        assertThat(overview.get("activeAlerts").has("CRITICAL")).isTrue();
        assertThat(as(null).get("/api/v1/overview").status()).isEqualTo(401);

        String series = "/api/v1/devices/%s/telemetry/series?channel=reefer&from=%s&to=%s"
                .formatted(device, bucket, bucket.plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(15)).until(() -> get(series).json().get("times").size() == 1);
        JsonNode chart = get(series).json();
        assertThat(chart.get("bucketSeconds").longValue()).isEqualTo(6);
        assertThat(chart.get("metrics").get("temp").get(0).doubleValue()).isEqualTo(-17.0);
        assertThat(chart.get("metrics").has("door")).as("only numbers are charted").isFalse();
        assertThat(get(series.replace("channel=reefer", "channel=Not+A+Channel")).status()).isEqualTo(400);
    }

    @Test
    void aChartSeriesDownloadsAsCsvWithATimeColumnAndTheMetricsAskedFor() throws Exception {
        String device = uniqueId("csv");
        createDevice(device);
        Instant bucket = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": -17.5, \"compressorTemp\": 71}".formatted(bucket.plusSeconds(1)));
        publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": -18}".formatted(bucket.plusSeconds(61)));
        String csv = "/api/v1/devices/%s/telemetry/series.csv?channel=reefer&from=%s&to=%s"
                .formatted(device, bucket, bucket.plus(Duration.ofHours(1)));
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");

        await().atMost(Duration.ofSeconds(15)).until(() -> as(viewer).get(csv).body().lines().count() == 3);
        Response all = as(viewer).get(csv);
        assertThat(all.contentType()).startsWith("text/csv");
        assertThat(all.body()).isEqualTo("time,compressorTemp,temp\r\n%s,71,-17.5\r\n%s,,-18\r\n"
                .formatted(bucket, bucket.plusSeconds(60)));
        assertThat(as(viewer).get(csv + "&metric=temp&metric=setpoint").body().lines().findFirst()).hasValue("time,temp,setpoint");
        assertThat(get(csv + "&metric=no.dots").status()).isEqualTo(400);
        assertThat(get(csv.replace(device, "no-such-device")).status()).isEqualTo(404);
    }

    @Test
    void liveReadingsAreStreamedCheckedLikeIngestAndOnlyTheWatchedDevices() throws Exception {
        String device = uniqueId("live");
        String other = uniqueId("live-other");
        createDevice(device);
        createDevice(other);
        List<String> lines = watch(device);

        String ts = "\"ts\": \"" + Instant.now() + "\"";
        nats.publish("fleet.%s.telemetry.reefer".formatted(device), ("{" + ts + ", \"temp\": NaN}").getBytes(StandardCharsets.UTF_8));
        nats.publish("fleet.%s.telemetry.reefer".formatted(device), "{\"temp\": -1}".getBytes(StandardCharsets.UTF_8));
        nats.publish("fleet.%s.telemetry.reefer".formatted(other), ("{" + ts + ", \"temp\": 1}").getBytes(StandardCharsets.UTF_8));
        nats.publish("fleet.%s.telemetry.reefer".formatted(device), ("{" + ts + ", \"temp\": -18.5}").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.contains("-18.5")));
        List<String> data = lines.stream().filter(line -> line.startsWith("data:")).toList();
        assertThat(data).hasSize(1);
        JsonNode reading = json.readTree(data.get(0).substring("data:".length()));
        assertThat(reading.get("channel").stringValue()).isEqualTo("reefer");
        assertThat(reading.get("metrics").get("temp").doubleValue()).isEqualTo(-18.5);
        assertThat(lines).contains("event:reading");
        assertThat(get("/api/v1/devices/no-such-device/telemetry/live").status()).isEqualTo(404);
    }

    private void device(UUID tenant, String id, Instant heartbeat, String status) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?, ?, ?, 'reefer-truck')", tenant, id, id);
        if (heartbeat != null) {
            jdbc.update("INSERT INTO device_state (tenant_id, device_id, status, status_at) VALUES (?, ?, ?::jsonb, ?)",
                    tenant, id, status.formatted(heartbeat), Timestamp.from(heartbeat));
        }
    }

    private void publish(String device, String channel, String payload) throws Exception {
        nats.jetStream().publish("fleet.%s.telemetry.%s".formatted(device, channel), payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private List<String> watch(String device) throws Exception {
        return streamLines("/api/v1/devices/" + device + "/telemetry/live", adminKey(), ":watching " + device);
    }
}
