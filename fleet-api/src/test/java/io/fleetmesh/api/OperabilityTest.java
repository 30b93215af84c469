package io.fleetmesh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OperabilityTest extends IntegrationTest {

    @Test
    void healthIncludesNatsAndTheDatabase() {
        JsonNode health = get("/actuator/health").json();
        assertThat(health.get("status").stringValue()).isEqualTo("UP");
        assertThat(health.get("components").get("nats").get("status").stringValue()).isEqualTo("UP");
        assertThat(health.get("components").get("nats").get("details").get("streams").intValue()).isGreaterThanOrEqualTo(3);
        assertThat(health.get("components").get("db").get("status").stringValue()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void prometheusExposesTheIngestMetrics() {
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("fleetmesh_ingest_readings_total", "fleetmesh_ingest_duplicates_total",
                "fleetmesh_ingest_quarantined_total{cause=\"MALFORMED\"", "fleetmesh_ingest_batch_size_count",
                "fleetmesh_ingest_consumer_lag");
    }

    @Test
    void prometheusShowsEachHubLinkConnected() {
        List<String> links = get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("fleetmesh_hub_connected{")).toList();
        assertThat(links).isNotEmpty().allSatisfy(line -> assertThat(line).contains("tenant=\"").endsWith(" 1.0"));
        assertThat(get("/actuator/prometheus").body()).contains("fleetmesh_hub_reconnects_total{tenant=\"");
    }

    @Test
    void servesTheOpenApiDocument() {
        JsonNode openApi = get("/v3/api-docs").json();
        assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/devices", "/api/v1/devices/{id}",
                "/api/v1/devices/{deviceId}/telemetry", "/api/v1/devices/{deviceId}/telemetry/latest");
    }
}
