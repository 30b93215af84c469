package io.fleetmesh.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of the OpenAPI document with tenant A's device and key in its path: anonymous callers get
 * 401, tenant B's administrator 404 (or a list without A's data), A's viewer 403 for anything but reading.
 */
class TenantIsolationTest extends IntegrationTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String COMMAND = "{\"type\": \"ping\"}";
    private static final String PACKAGE = "isolation-probe";
    private static final String IMPORT = "id,name,kind\nisolation-import-probe,Probe,van\n";
    private static final MediaType CSV = MediaType.valueOf("text/csv");
    private static final String RULE = "{\"key\": \"isolation-probe\", \"expression\": \"reefer.temp > 40\"}";
    private static final String WEBHOOK = "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"alert\"]}";
    private static final String GEOFENCE = "{\"name\": \"Probe\", \"alertOn\": \"BOTH\","
            + " \"shape\": {\"circle\": {\"lat\": 52.5, \"lon\": 13.4, \"radiusMeters\": 100}}}";

    private static final String REPORT_SCHEDULE = "{\"name\": \"Probe\", \"kind\": \"trips\", \"frequency\": \"DAILY\","
            + " \"emails\": [\"probe@example.org\"]}";

    private static final String MAINTENANCE = "{\"name\": \"Probe\", \"device\": \"%s\", \"everyDays\": 30}";

    private static final String TRIP_SETTINGS = "{\"speedThresholdKmh\": 5, \"minTripDistanceM\": 500,"
            + " \"minTripDuration\": \"PT5M\", \"minParkingDuration\": \"PT5M\", \"minNoDataDuration\": \"PT1H\","
            + " \"useIgnition\": false, \"maxAccuracyM\": 100, \"maxSpeedKmh\": 250, \"minFixInterval\": \"PT1S\"}";

    @Autowired
    private JdbcTemplate jdbc;

    private String device;
    private String commandId;
    private String fanoutId;
    private String alertId;
    private String geofenceId;
    private String webhookId;
    private String notificationRuleId;
    private String scheduleId;
    private String driverId;
    private String reportScheduleId;
    private String rolloutId;
    private String importId;
    private String keyId;
    private String otherTenantAdmin;
    private String viewer;

    @BeforeEach
    void twoTenants() {
        device = uniqueId("isolated");
        createDevice(device);
        commandId = postJson("/api/v1/devices/%s/commands".formatted(device), COMMAND).json().get("id").stringValue();
        fanoutId = postJson("/api/v1/fanouts", "{\"devices\": [\"%s\"], \"command\": %s}".formatted(device, COMMAND))
                .json().get("id").stringValue();
        geofenceId = postJson("/api/v1/geofences", GEOFENCE).json().get("id").stringValue();
        webhookId = postJson("/api/v1/webhooks", WEBHOOK).json().get("id").stringValue();
        notificationRuleId = postJson("/api/v1/notification-rules", "{\"name\": \"probe\", \"events\": [\"alert\"],"
                + " \"device\": \"" + device + "\", \"recipients\": [\"admin\"]}").json().get("id").stringValue();
        scheduleId = postJson("/api/v1/maintenance/schedules", MAINTENANCE.formatted(device)).json().get("id").stringValue();
        postJson("/api/v1/rules", RULE);
        driverId = postJson("/api/v1/drivers", driver()).json().get("id").stringValue();
        uploadPackage();
        rolloutId = postJson("/api/v1/rollouts", rollout()).json().get("id").stringValue();
        postJson("/api/v1/taps", body("/api/v1/taps")); // 409 once it exists
        reportScheduleId = postJson("/api/v1/report-schedules", REPORT_SCHEDULE).json().get("id").stringValue();
        importId = send("POST", "/api/v1/device-imports", IMPORT, CSV).location().getPath().replaceAll(".*/", "");
        alertId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO alerts (id, tenant_id, device_id, rule_id, source, severity, state, message,"
                + " first_raised_at, last_raised_at, count, backfilled) VALUES (?::uuid, ?, ?, 'probe', 'CLOUD', 'INFO',"
                + " 'ACTIVE', 'probe', now(), now(), 1, false)", alertId, CurrentTenant.DEFAULT, device);
        Response key = as(adminKey()).send("POST", "/api/v1/api-keys", """
                {"name": "tenant A key", "role": "VIEWER", "validFor": "P1D"}""", MediaType.APPLICATION_JSON);
        keyId = key.json().get("key").get("id").stringValue();
        viewer = "Bearer " + key.json().get("token").stringValue();
        otherTenantAdmin = "Bearer " + createKey(newTenant().credentials(), "ADMIN");
    }

    @Test
    void everyOperationIsClosedToStrangersAndToOtherTenants() {
        List<String> checked = new ArrayList<>();
        JsonNode paths = as(null).get("/v3/api-docs").json().get("paths");
        for (String path : paths.propertyNames()) {
            for (String method : METHODS) {
                if (paths.get(path).has(method)) {
                    check(method.toUpperCase(), path);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).contains("get /api/v1/devices/{id}", "delete /api/v1/api-keys/{id}",
                "get /api/v1/devices/{deviceId}/telemetry", "get /api/v1/audit", "post /api/v1/commands/{id}/cancel",
                "post /api/v1/devices/{deviceId}/commands", "get /api/v1/fanouts/{id}", "post /api/v1/device-imports",
                "get /api/v1/device-imports/{id}", "get /api/v1/devices/{deviceId}/telemetry/live", "get /api/v1/overview",
                "put /api/v1/metric-catalogue/{channel}/{metric}", "get /api/v1/devices/{deviceId}/telemetry/series.csv",
                "get /api/v1/reports/trips", "get /api/v1/reports/events",
                "post /api/v1/report-schedules/{id}/send-now", "get /api/v1/report-schedules/{id}/runs");
        assertThat(get("/api/v1/commands/" + commandId).json().get("state").stringValue()).isNotEqualTo("CANCELLED");
        assertThat(get("/api/v1/alerts/" + alertId).json().get("state").stringValue()).isEqualTo("ACTIVE");
        assertThat(get("/api/v1/geofences/" + geofenceId).json().get("name").stringValue()).isEqualTo("Probe");
        assertThat(get("/api/v1/rules").body()).contains("isolation-probe");
        assertThat(get("/api/v1/drivers/" + driverId).json().get("name").stringValue()).isEqualTo("Probe");
        assertThat(get("/api/v1/report-schedules/" + reportScheduleId).json().get("name").stringValue()).isEqualTo("Probe");
        assertThat(get("/api/v1/report-schedules/%s/runs".formatted(reportScheduleId)).json()).isEmpty();
        assertThat(get("/api/v1/notification-rules").body()).contains(notificationRuleId);
        assertThat(get("/api/v1/operators").body()).doesNotContain("@");
        assertThat(get("/api/v1/metric-catalogue").body()).doesNotContain("Isolation probe");
        assertThat(get("/api/v1/devices/" + device).json().get("name").stringValue()).isEqualTo("Truck " + device);
        assertThat(as(viewer).get("/api/v1/devices").status()).isEqualTo(200);
        assertThat(get("/api/v1/packages/%s/1".formatted(PACKAGE)).json().get("sizeBytes").longValue()).isEqualTo(5);
    }

    /** A rollout of tenant A's package to its device. */
    private String rollout() {
        return "{\"name\": \"probe\", \"packageName\": \"%s\", \"packageVersion\": \"1\", \"devices\": [\"%s\"]}"
                .formatted(PACKAGE, device);
    }

    /** A package of tenant A that the checks find, try to replace and delete. */
    private void uploadPackage() {
        Response stored = send("PUT", "/api/v1/packages/%s/1?kind=file".formatted(PACKAGE), "probe",
                MediaType.APPLICATION_OCTET_STREAM);
        assertThat(stored.status()).as(stored.body()).isIn(201, 409);
    }

    @Test
    void aReportOnAnotherTenantsDeviceIsNotFoundInAnyFormat() {
        for (String report : List.of("route", "trips", "stops", "summary", "drivers", "fuel", "events")) {
            for (String format : List.of("json", "csv", "xlsx", "pdf")) {
                String path = "/api/v1/reports/%s?device=%s&format=%s".formatted(report, device, format);
                assertThat(as(otherTenantAdmin).get(path).status()).as("other tenant %s", path).isEqualTo(404);
                assertThat(as(null).get(path).status()).as("anonymous %s", path).isEqualTo(401);
                assertThat(as(viewer).get(path).status()).as("viewer %s", path).isEqualTo(200);
            }
        }
    }

    private void check(String method, String template) {
        String path = template.replace("{deviceId}", device).replace("{id}", idIn(template))
                .replace("{key}", "isolation-probe").replace("{username}", "admin").replace("{channel}", "reefer").replace("{metric}", "isolation-probe")
                .replace("{name}", PACKAGE).replace("{version}", "1")
                + (template.endsWith("/series") || template.endsWith("/series.csv") ? "?channel=reefer" : "")
                + (template.startsWith("/api/v1/packages/") ? "?kind=file" : "");
        if (template.equals("/api/v1/events") || template.endsWith("/telemetry/live")) {
            // streams that never end: their refusal is checked here, their isolation in EventStreamTest and
            // DashboardApiTest (a stranger's device is not found)
            assertThat(as(null).get(path).status()).as("anonymous stream %s", path).isEqualTo(401);
            return;
        }
        String body = body(template);
        MediaType type = template.equals("/api/v1/device-imports") ? CSV
                : template.startsWith("/api/v1/packages/") ? MediaType.APPLICATION_OCTET_STREAM : MediaType.APPLICATION_JSON;
        assertThat(as(null).send(method, path, body, type).status()).as("anonymous %s %s", method, path).isEqualTo(401);
        Response stranger = as(otherTenantAdmin).send(method, path, body, type);
        if (template.startsWith("/api/v1/packages/") && method.equals("PUT")) {
            // an upload goes into the uploader's own bucket; the test's other tenant has no link to the hub at all
            assertThat(stranger.status()).as("other tenant %s %s", method, path).isEqualTo(503);
        } else if (template.startsWith("/api/v1/metric-catalogue/")) {
            // every tenant has a catalogue of its own: the stranger changes only theirs (MetricCatalogueApiTest)
            assertThat(stranger.status()).as("other tenant %s %s", method, path).isLessThan(300);
        } else if (template.contains("{")) {
            assertThat(stranger.status()).as("other tenant %s %s", method, path).isEqualTo(404);
        } else if (template.equals("/api/v1/fanouts")) {
            assertThat(stranger.status()).as("a fan-out to another tenant's device matches none").isEqualTo(422);
        } else if (template.equals("/api/v1/rollouts") && method.equals("POST")) {
            assertThat(stranger.status()).as("a rollout of another tenant's package").isEqualTo(404);
        } else if (template.equals("/api/v1/maintenance/schedules") && method.equals("POST")) {
            assertThat(stranger.status()).as("a schedule for another tenant's device").isEqualTo(404);
        } else if (template.equals("/api/v1/notification-rules") && method.equals("POST")) {
            assertThat(stranger.status()).as("another tenant's operator is no recipient").isEqualTo(400);
            assertThat(stranger.body()).contains("Unknown recipient");
        } else if (template.equals("/api/v1/subject-mappings") && method.equals("PUT")) {
            assertThat(stranger.status()).as("a mapping into another tenant's device").isEqualTo(400);
            assertThat(stranger.body()).contains("not one of this tenant's");
        } else if (template.equals("/api/v1/taps") && method.equals("POST")) {
            // a tap is a consumer in the creator's own account; the test's other tenant has no link to the hub at all
            assertThat(stranger.status()).as("other tenant %s %s", method, path).isEqualTo(503);
        } else if (template.endsWith("/dry-run")) {
            assertThat(stranger.status()).as("the stranger's own mappings, none").isEqualTo(200);
        } else if (template.startsWith("/api/v1/operators/me")) {
            assertThat(stranger.status()).as("an API key has no password: %s %s", method, path).isEqualTo(403);
        } else {
            assertThat(stranger.status()).as("other tenant %s %s", method, path).isLessThan(300);
            assertThat(stranger.body()).as("other tenant %s %s", method, path).doesNotContain(device, keyId);
        }
        Response viewed = as(viewer).send(method, path, body, type);
        if (!method.equals("GET") || isAdministration(template)) {
            assertThat(viewed.status()).as("viewer %s %s", method, path).isEqualTo(403);
        }
    }

    private String idIn(String template) {
        if (template.startsWith("/api/v1/api-keys")) {
            return keyId;
        }
        if (template.startsWith("/api/v1/commands")) {
            return commandId;
        }
        if (template.startsWith("/api/v1/alerts")) {
            return alertId;
        }
        if (template.startsWith("/api/v1/geofences")) {
            return geofenceId;
        }
        if (template.startsWith("/api/v1/webhooks")) {
            return webhookId;
        }
        if (template.startsWith("/api/v1/notification-rules")) {
            return notificationRuleId;
        }
        if (template.contains("/maintenance")) {
            return scheduleId;
        }
        if (template.startsWith("/api/v1/drivers")) {
            return driverId;
        }
        if (template.startsWith("/api/v1/report-schedules")) {
            return reportScheduleId;
        }
        if (template.startsWith("/api/v1/rollouts")) {
            return rolloutId;
        }
        if (template.startsWith("/api/v1/device-imports")) {
            return importId;
        }
        return template.startsWith("/api/v1/fanouts") ? fanoutId : device;
    }

    private static String driver() {
        return "{\"name\": \"Probe\", \"identifier\": \"ISO-%s\"}".formatted(UUID.randomUUID().toString().substring(0, 8));
    }

    private static boolean isAdministration(String template) {
        return template.startsWith("/api/v1/api-keys") || template.startsWith("/api/v1/operators")
                || template.startsWith("/api/v1/audit") || template.startsWith("/api/v1/webhooks");
    }

    /** A valid body for the operation, so that only access decides the answer. */
    private String body(String template) {
        if (template.startsWith("/api/v1/api-keys")) {
            return "{\"name\": \"probe\", \"role\": \"VIEWER\", \"validFor\": \"P1D\"}";
        }
        if (template.startsWith("/api/v1/operators/me")) {
            return "{\"currentPassword\": \"whatever it is\", \"newPassword\": \"a long enough password\"}";
        }
        if (template.startsWith("/api/v1/operators")) {
            return "{\"username\": \"probe-%s\", \"password\": \"a long enough password\", \"role\": \"VIEWER\"}"
                    .formatted(UUID.randomUUID().toString().substring(0, 8));
        }
        if (template.startsWith("/api/v1/geofences")) {
            return GEOFENCE;
        }
        if (template.startsWith("/api/v1/rollouts")) {
            return rollout();
        }
        if (template.startsWith("/api/v1/drivers")) {
            return driver();
        }
        if (template.startsWith("/api/v1/report-schedules")) {
            return REPORT_SCHEDULE;
        }
        if (template.startsWith("/api/v1/maintenance")) {
            return MAINTENANCE.formatted(device);
        }
        if (template.endsWith("/services")) {
            return "{\"note\": \"probe\"}";
        }
        if (template.startsWith("/api/v1/notification-rules")) {
            return "{\"name\": \"probe\", \"events\": [\"alert\"], \"recipients\": [\"admin\"]}";
        }
        if (template.startsWith("/api/v1/metric-catalogue")) {
            return "{\"label\": \"Isolation probe\", \"unit\": \"°C\"}";
        }
        if (template.startsWith("/api/v1/webhooks")) {
            return WEBHOOK;
        }
        if (template.equals("/api/v1/subject-mappings")) { // into tenant A's device: not the stranger's to name
            return "{\"rules\": [{\"source\": \"legacy.temp\", \"destinations\": [{\"subject\": \"fleet.%s.telemetry.x\"}]}]}"
                    .formatted(device);
        }
        if (template.equals("/api/v1/taps")) {
            return "{\"name\": \"%s\", \"source\": \"telemetry\"}".formatted(PACKAGE);
        }
        if (template.endsWith("/reset")) {
            return "{\"sequence\": 1}";
        }
        if (template.endsWith("/dry-run")) {
            return "{\"subject\": \"fleet.%s.telemetry.reefer\"}".formatted(device);
        }
        if (template.equals("/api/v1/device-imports")) {
            return IMPORT;
        }
        if (template.equals("/api/v1/rules/sampling")) {
            return "{\"gps\": \"PT5S\"}";
        }
        if (template.startsWith("/api/v1/rules")) {
            return RULE;
        }
        if (template.endsWith("/trip-settings")) {
            return TRIP_SETTINGS;
        }
        if (template.endsWith("/odometer")) {
            return "{\"odometerMeters\": 1000}";
        }
        if (template.endsWith("/commands")) {
            return COMMAND;
        }
        if (template.equals("/api/v1/fanouts")) {
            return "{\"devices\": [\"%s\"], \"command\": %s}".formatted(device, COMMAND);
        }
        if (template.equals("/api/v1/devices")) {
            return "{\"id\": \"%s\", \"name\": \"Probe\", \"kind\": \"van\", \"tags\": []}".formatted(uniqueId("probe"));
        }
        return "{\"name\": \"Renamed by a stranger\", \"kind\": \"van\", \"tags\": []}";
    }
}
