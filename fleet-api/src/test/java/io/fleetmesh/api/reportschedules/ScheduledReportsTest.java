package io.fleetmesh.api.reportschedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.MailServer;
import io.fleetmesh.protocol.Subjects;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled reports against the real hub, PostgreSQL and SMTP server (GreenMail): the ticks run at moments the test
 * chooses (the scheduler's own tick is hours apart in tests), so a period's end is crossed without waiting for it.
 */
class ScheduledReportsTest extends IntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final MailServer mail = infrastructure.mail();

    @Autowired
    private ReportScheduler scheduler;

    @Autowired
    private ReportSchedules schedules;

    @Autowired
    private ReportRuns runs;

    @Test
    void aDailyScheduleMailsTheDaysTripsAsXlsxAndPdfToEachRecipientOnce() throws Exception {
        String device = uniqueId("scheduled");
        createDevice(device);
        Instant started = drive(device);
        JsonNode trip = get("/api/v1/reports/trips?device=" + device).json().get(0);
        String operator = operatorWithMail("sched");
        String outsider = uniqueId("accounts") + "@example.org";
        LocalDate day = LocalDate.ofInstant(started, BERLIN);
        String xlsx = create("""
                {"name": "Trips of %s", "kind": "trips", "devices": ["%s"], "frequency": "DAILY",
                 "zone": "Europe/Berlin", "format": "XLSX", "recipients": ["%s"], "emails": ["%s"]}"""
                .formatted(device, device, operator, outsider));
        create("""
                {"name": "Summary", "kind": "summary", "devices": ["%s"], "frequency": "daily", "zone": "Europe/Berlin",
                 "format": "pdf", "emails": ["%s"]}""".formatted(device, outsider));
        Instant afterTheDay = day.plusDays(1).atStartOfDay(BERLIN).toInstant().plusSeconds(300);

        scheduler.runDue(day.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
        assertThat(mails(outsider, "Trips report, " + day)).isEmpty();
        scheduler.runDue(afterTheDay);
        scheduler.runDue(afterTheDay.plus(Duration.ofHours(3)));

        String tripsSubject = "Fleetmesh: Trips report, %s (Europe/Berlin)".formatted(day);
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(address(operator), tripsSubject).size() == 1);
        assertThat(mails(outsider, tripsSubject)).hasSize(1);
        MimeMessage message = mails(outsider, tripsSubject).get(0);
        Part file = MailServer.attachment(message);
        assertThat(file.getFileName()).isEqualTo("trips-" + day + ".xlsx");
        try (InputStream in = file.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Trips");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(device);
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(
                    Instant.parse(trip.get("startedAt").stringValue()), BERLIN));
        }
        assertThat(MailServer.text(message)).contains("Trips of " + device, day + " 00:00 to " + day.plusDays(1) + " 00:00");

        MimeMessage summary = mails(outsider, "Fleetmesh: Summary report, %s (Europe/Berlin)".formatted(day)).get(0);
        try (InputStream in = MailServer.attachment(summary).getInputStream()) {
            assertThat(new PDFTextStripper().getText(Loader.loadPDF(in.readAllBytes()))).contains("Summary", device);
        }
        List<JsonNode> log = get("/api/v1/report-schedules/%s/runs".formatted(xlsx)).json().valueStream()
                .filter(run -> Instant.parse(run.get("periodStart").stringValue()).equals(day.atStartOfDay(BERLIN).toInstant()))
                .toList();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("state").stringValue()).isEqualTo("SENT");
        assertThat(log.get(0).get("attempts").intValue()).isEqualTo(1);
        assertThat(log.get(0).get("recipients").intValue()).isEqualTo(2);
        assertThat(message.getMessageID()).isEqualTo("<" + log.get(0).get("messageId").stringValue() + "@fleetmesh>");
    }

    @Test
    void twoReplicasTicksAndSendNowMailAPeriodOnce() throws Exception {
        String operator = operatorWithMail("replica");
        String outsider = uniqueId("replica") + "@example.org";
        String id = create("""
                {"name": "Fleet events", "kind": "events", "frequency": "DAILY", "zone": "UTC",
                 "recipients": ["%s"], "emails": ["%s"]}""".formatted(operator, outsider));
        Instant now = Instant.now();
        String subject = "Fleetmesh: Events report, %s (UTC)".formatted(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> tick = () -> {
                scheduler.runDue(now);
                return null;
            };
            for (Future<Void> done : replicas.invokeAll(List.of(tick, tick))) {
                done.get();
            }
        } finally {
            replicas.shutdown();
        }
        scheduler.runDue(now.plusSeconds(60));
        Response again = postJson("/api/v1/report-schedules/%s/send-now".formatted(id), "");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("state").stringValue()).isEqualTo("SENT");
        assertThat(again.json().get("attempts").intValue()).isEqualTo(1);
        assertThat(mails(address(operator), subject)).hasSize(1);
        assertThat(mails(outsider, subject)).hasSize(1);
        assertThat(get("/api/v1/report-schedules/%s/runs".formatted(id)).json()).hasSize(1);
        assertThat(get("/api/v1/report-schedules/" + id).json().get("lastRun").get("state").stringValue()).isEqualTo("SENT");
    }

    @Test
    void sendNowMailsTheLastCompletePeriodOfANewSchedule() {
        String outsider = uniqueId("now") + "@example.org";
        String id = create("""
                {"name": "Monthly stops", "kind": "stops", "frequency": "MONTHLY", "zone": "Europe/Berlin",
                 "format": "PDF", "emails": ["%s"]}""".formatted(outsider));

        Response sent = postJson("/api/v1/report-schedules/%s/send-now".formatted(id), "");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("state").stringValue()).isEqualTo("SENT");
        LocalDate month = LocalDate.now(BERLIN).withDayOfMonth(1).minusMonths(1);
        assertThat(Instant.parse(sent.json().get("periodStart").stringValue()))
                .isEqualTo(month.atStartOfDay(BERLIN).toInstant());
        assertThat(mails(outsider, "Fleetmesh: Stops report, %s (Europe/Berlin)".formatted(month.toString().substring(0, 7))))
                .hasSize(1);
    }

    @Test
    void aRunTheSmtpServerRefusedIsRetriedAfterItsBackOffAndSentOnce() throws Exception {
        String outsider = uniqueId("retry") + "@example.org";
        String id = create("""
                {"name": "Weekly summary", "kind": "summary", "frequency": "WEEKLY", "zone": "UTC", "emails": ["%s"]}"""
                .formatted(outsider));
        Instant monday = Instant.parse("2026-01-05T00:02:00Z");
        mail.stop();
        try {
            scheduler.runDue(monday);
            JsonNode failed = get("/api/v1/report-schedules/%s/runs".formatted(id)).json().get(0);
            assertThat(failed.get("state").stringValue()).isEqualTo("PENDING");
            assertThat(failed.get("attempts").intValue()).isEqualTo(1);
            assertThat(failed.get("lastError").stringValue()).startsWith("not delivered");
            // a minute's back-off from when it was tried: the tick's time, moved on by what the tick took before it
            assertThat(Instant.parse(failed.get("dueAt").stringValue()))
                    .isBetween(monday.plus(Duration.ofMinutes(1)), monday.plus(Duration.ofMinutes(1)).plusSeconds(10));
            scheduler.runDue(monday.plusSeconds(30));
            assertThat(get("/api/v1/report-schedules/%s/runs".formatted(id)).json().get(0).get("attempts").intValue())
                    .as("not tried again before its back-off").isEqualTo(1);
        } finally {
            mail.start();
        }
        scheduler.runDue(monday.plus(Duration.ofMinutes(2)));
        scheduler.runDue(monday.plus(Duration.ofHours(5)));

        String subject = "Fleetmesh: Summary report, 2025-12-29 to 2026-01-04 (UTC)";
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(outsider, subject).size() == 1);
        JsonNode sent = get("/api/v1/report-schedules/%s/runs".formatted(id)).json().get(0);
        assertThat(sent.get("state").stringValue()).isEqualTo("SENT");
        assertThat(sent.get("attempts").intValue()).isEqualTo(2);
        assertThat(sent.get("lastError").isNull()).isTrue();
        assertThat(mails(outsider, subject)).hasSize(1);
    }

    @Test
    void aRunWhoseReplicaDiedAfterClaimingItIsClaimedAgainWhenItsLeaseEnds() throws Exception {
        String outsider = uniqueId("lease") + "@example.org";
        String id = create("""
                {"name": "Drivers", "kind": "drivers", "frequency": "DAILY", "zone": "UTC", "emails": ["%s"]}"""
                .formatted(outsider));
        Instant now = Instant.parse("2026-02-10T00:01:00Z");
        ReportSchedule schedule = schedules.find(io.fleetmesh.api.identity.CurrentTenant.DEFAULT, UUID.fromString(id));
        runs.due(schedule, schedule.due(now), now);
        assertThat(runs.claim(schedule.id(), schedule.due(now), now)).as("claimed, then the replica dies").isPresent();

        scheduler.runDue(now.plus(Duration.ofMinutes(5)));
        String subject = "Fleetmesh: Drivers report, 2026-02-09 (UTC)";
        assertThat(mails(outsider, subject)).as("the lease still holds").isEmpty();
        scheduler.runDue(now.plus(Duration.ofMinutes(11)));

        await().atMost(Duration.ofSeconds(10)).until(() -> mails(outsider, subject).size() == 1);
        assertThat(get("/api/v1/report-schedules/%s/runs".formatted(id)).json().get(0).get("attempts").intValue()).isEqualTo(2);
    }

    @Test
    void aScheduleChangedFromDailyToMonthlyStillGetsTheMonthThatStartsOnItsLastDay() {
        String outsider = uniqueId("changed") + "@example.org";
        String body = "{\"name\": \"Changed\", \"kind\": \"summary\", \"frequency\": \"%s\", \"emails\": [\"%s\"]}";
        String id = create(body.formatted("DAILY", outsider));
        scheduler.runDue(Instant.parse("2026-04-02T00:05:00Z"));
        send("PUT", "/api/v1/report-schedules/" + id, body.formatted("MONTHLY", outsider), MediaType.APPLICATION_JSON);
        scheduler.runDue(Instant.parse("2026-05-01T00:05:00Z"));

        assertThat(get("/api/v1/report-schedules/%s/runs".formatted(id)).json().valueStream()
                .map(run -> run.get("periodStart").stringValue() + " " + run.get("periodEnd").stringValue() + " "
                        + run.get("state").stringValue()))
                .containsExactly("2026-04-01T00:00:00Z 2026-05-01T00:00:00Z SENT", "2026-04-01T00:00:00Z 2026-04-02T00:00:00Z SENT");
        assertThat(mails(outsider, "Fleetmesh: Summary report, 2026-04 (UTC)")).hasSize(1);
    }

    private String create(String body) {
        Response created = postJson("/api/v1/report-schedules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    /** Parked, a 3 km drive north through Berlin, parked again, well inside one Berlin day; when the drive began. */
    private Instant drive(String device) throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        while (!LocalDate.ofInstant(start, BERLIN).equals(LocalDate.ofInstant(start.plus(Duration.ofMinutes(40)), BERLIN))) {
            start = start.minus(Duration.ofHours(1));
        }
        Instant at = start;
        for (int i = 0; i < 96; i++, at = at.plusSeconds(5)) {
            fix(device, at, 52.5200, 0);
        }
        for (int i = 1; i <= 54; i++, at = at.plusSeconds(5)) {
            fix(device, at, 52.5200 + 0.027 * i / 54, 40);
        }
        for (int i = 0; i < 96; i++, at = at.plusSeconds(5)) {
            fix(device, at, 52.5470, 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/reports/trips?device=" + device).json().size() == 1);
        return start;
    }

    private void fix(String device, Instant at, double lat, double speed) throws Exception {
        nats.jetStream().publish(Subjects.telemetry(device, "gps"), "{\"ts\": \"%s\", \"lat\": %s, \"lon\": 13.405, \"speed\": %s}"
                .formatted(at, lat, speed).getBytes(StandardCharsets.UTF_8));
    }

    private String operatorWithMail(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"a long password 1\","
                + " \"role\": \"VIEWER\"}").formatted(username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response changed = send("PUT", "/api/v1/operators/%s/contact".formatted(username),
                "{\"email\": \"%s\"}".formatted(address(username)), MediaType.APPLICATION_JSON);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return username;
    }

    private static String address(String username) {
        return username + "@example.com";
    }

    /** What this address's mailbox holds with this subject (another period's mail of the same schedule is left out). */
    private List<MimeMessage> mails(String address, String subject) {
        return mail.deliveredTo(address).stream().filter(message -> MailServer.subject(message).contains(subject)).toList();
    }
}
