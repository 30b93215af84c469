package io.fleetmesh.api.reportschedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.reports.ReportKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Report schedules over REST: made, read, changed and deleted; a disabled one not run; another tenant's operator no
 * recipient and another tenant's schedule not found; bad input refused as problem details that say what.
 */
class ReportScheduleApiTest extends IntegrationTest {

    @Autowired
    private ReportScheduler scheduler;

    @Test
    void aScheduleIsMadeReadChangedAndDeletedAndADisabledOneIsNotRun() {
        String outsider = uniqueId("crud") + "@example.org";
        Response created = postJson("/api/v1/report-schedules", """
                {"name": "Route", "kind": "route", "tag": "test", "frequency": "DAILY", "zone": "Asia/Tokyo",
                 "units": "imperial", "emails": ["%s"]}""".formatted(outsider));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(created.location().getPath()).isEqualTo("/api/v1/report-schedules/" + id);
        assertThat(created.json().get("format").stringValue()).isEqualTo("XLSX");
        assertThat(created.json().get("lastRun").isNull()).isTrue();

        Response changed = send("PUT", "/api/v1/report-schedules/" + id, """
                {"name": "Route, off", "kind": "route", "tag": "test", "frequency": "WEEKLY", "zone": "Asia/Tokyo",
                 "emails": ["%s"], "enabled": false}""".formatted(outsider), MediaType.APPLICATION_JSON);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("enabled").booleanValue()).isFalse();
        assertThat(changed.json().get("frequency").stringValue()).isEqualTo("WEEKLY");
        assertThat(get("/api/v1/report-schedules").body()).contains(id, "Route, off");
        scheduler.runDue(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(get("/api/v1/report-schedules/%s/runs".formatted(id)).json()).isEmpty();

        assertThat(delete("/api/v1/report-schedules/" + id).status()).isEqualTo(204);
        assertThat(get("/api/v1/report-schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void everyReportKindCanBeScheduled() {
        for (ReportKind kind : ReportKind.values()) {
            Response created = postJson("/api/v1/report-schedules", ("{\"name\": \"every %s\", \"kind\": \"%s\","
                    + " \"frequency\": \"WEEKLY\", \"recipients\": [\"admin\"], \"enabled\": false}")
                    .formatted(kind.path(), kind.path()));
            assertThat(created.status()).as(kind + ": " + created.body()).isEqualTo(201);
        }
    }

    @Test
    void anotherTenantsOperatorIsNoRecipientAndAnotherTenantsScheduleIsNotFound() {
        Tenant other = newTenant();
        Response refused = postJson("/api/v1/report-schedules", """
                {"name": "x", "kind": "trips", "frequency": "DAILY", "recipients": ["%s"]}""".formatted(other.administrator()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("title").stringValue()).isEqualTo("Unknown recipient");
        assertThat(refused.json().get("recipient").stringValue()).isEqualTo(other.administrator());

        String ours = create("{\"name\": \"ours\", \"kind\": \"trips\", \"frequency\": \"DAILY\", \"recipients\": [\"admin\"]}");
        Client stranger = as(other.credentials());
        String path = "/api/v1/report-schedules/" + ours;
        String body = "{\"name\": \"theirs\", \"kind\": \"trips\", \"frequency\": \"DAILY\", \"emails\": [\"x@example.org\"]}";
        assertThat(stranger.get(path).status()).isEqualTo(404);
        assertThat(stranger.get(path + "/runs").status()).isEqualTo(404);
        assertThat(stranger.send("POST", path + "/send-now", null, null).status()).isEqualTo(404);
        assertThat(stranger.send("PUT", path, body, MediaType.APPLICATION_JSON).status()).isEqualTo(404);
        assertThat(stranger.send("DELETE", path, null, null).status()).isEqualTo(404);
        assertThat(stranger.get(path).json().get("detail").stringValue()).isEqualTo("There is no report schedule with this id.");
        assertThat(stranger.get("/api/v1/report-schedules").body()).doesNotContain(ours);
        assertThat(get(path).json().get("name").stringValue()).isEqualTo("ours");
    }

    @Test
    void badInputIsAProblemDetailThatSaysWhat() {
        String valid = "\"name\": \"x\", \"kind\": \"trips\", \"frequency\": \"DAILY\", \"emails\": [\"ops@example.org\"]";
        refused("{" + valid + ", \"zone\": \"Mars/Olympus\"}", "Unknown time zone");
        refused("{" + valid + ", \"zone\": \"GMT+2\"}", "Unknown time zone");
        refused("{\"name\": \"x\", \"kind\": \"speeding\", \"frequency\": \"DAILY\", \"emails\": [\"o@example.org\"]}",
                "Unknown report");
        refused("{\"name\": \"x\", \"kind\": \"trips\", \"frequency\": \"HOURLY\", \"emails\": [\"o@example.org\"]}",
                "Unknown frequency");
        refused("{" + valid + ", \"format\": \"csv\"}", "Unknown format");
        refused("{\"name\": \"x\", \"kind\": \"trips\", \"frequency\": \"DAILY\", \"emails\": [\"ops@example.org\\r\\nBcc:"
                + " victim@evil.example\"]}", "Invalid e-mail address");
        refused("{\"name\": \"x\", \"kind\": \"trips\", \"frequency\": \"DAILY\", \"emails\": [\"Mallory <m@example.org>\"]}",
                "Invalid e-mail address");
        refused("{\"name\": \"x\", \"kind\": \"trips\", \"frequency\": \"DAILY\"}", "No recipient");
        refused("{" + valid + ", \"devices\": [\"a\"], \"tag\": \"test\"}", "Invalid report scope");
        Response blank = postJson("/api/v1/report-schedules", "{\"kind\": \"trips\", \"frequency\": \"DAILY\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(postJson("/api/v1/report-schedules", "{" + valid + ", \"devices\": [\"%s\"]}"
                .formatted(uniqueId("nowhere"))).status()).isEqualTo(404);
    }

    private void refused(String body, String title) {
        Response refused = postJson("/api/v1/report-schedules", body);
        assertThat(refused.status()).as(body).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").stringValue()).as(refused.body()).isEqualTo(title);
    }

    private String create(String body) {
        Response created = postJson("/api/v1/report-schedules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }
}
