package io.fleetmesh.api.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.Subjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reports over REST from a truck's round published through the hub: JSON in raw units, and the same rows as CSV,
 * XLSX (read back with POI) and PDF (read back with PDFBox) in the operator's zone and units.
 */
class ReportsApiTest extends IntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private String device;
    private List<Sample> round;
    private List<JsonNode> trips;

    @BeforeEach
    void aTruckDroveItsRound() throws Exception {
        device = uniqueId("reports");
        createDevice(device);
        round = TripDetectorTest.cityRound(Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS)).samples();
        for (Sample sample : round) {
            Sample.Fix fix = (Sample.Fix) sample;
            publish("gps", "{\"ts\": \"%s\", \"lat\": %s, \"lon\": %s, \"speed\": %s}".formatted(fix.ts(), fix.lat(),
                    fix.lon(), fix.speedKmh()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> json("trips").size() == 3);
        trips = json("trips");
    }

    @Test
    void theTripsReportIsTheSameTripsInJsonCsvXlsxAndPdfInTheOperatorsZoneAndUnits() throws Exception {
        JsonNode first = trips.get(0);
        Instant started = Instant.parse(first.get("startedAt").stringValue());
        double miles = first.get("distanceMeters").doubleValue() / 1609.344;
        String query = "trips?device=%s&zone=Europe/Berlin&units=imperial&format=".formatted(device);

        List<CSVRecord> csv = csv(download(query + "csv"));
        assertThat(csv.get(0).toList()).contains("Start (Europe/Berlin)", "Distance (mi)", "Max speed (mph)");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1).get(0)).isEqualTo(device);
        assertThat(csv.get(1).get(1)).isEqualTo(SHOWN.format(LocalDateTime.ofInstant(started, BERLIN)));
        assertThat(csv.get(1).get(8)).isEqualTo(String.format(Locale.ROOT, "%.2f", miles));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(query + "xlsx").getBody()))) {
            Sheet sheet = workbook.getSheet("Trips");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(device);
            assertThat(row.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(started, BERLIN));
            assertThat(row.getCell(8).getNumericCellValue()).isCloseTo(miles, within(1e-9));
            assertThat(row.getCell(3).getNumericCellValue() * 86_400)
                    .isCloseTo(first.get("durationSeconds").doubleValue(), within(0.001));
        }

        String pdf = pdfText(download(query + "pdf").getBody());
        assertThat(pdf).contains("Trips", device, SHOWN.format(LocalDateTime.ofInstant(started, BERLIN)),
                String.format(Locale.ROOT, "%.2f", miles), "Start (Europe/Berlin)", "(mi)");
    }

    @Test
    void aDownloadIsAnAttachmentNamedAfterTheReportAndItsDays() {
        ResponseEntity<byte[]> csv = download("stops?device=%s&format=csv&from=2026-12-01T00:00:00Z&to=2026-12-04T00:00:00Z"
                .formatted(device));

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("stops-2026-12-01-2026-12-03.csv");
        assertThat(csv.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download("summary?format=xlsx").getHeaders().getContentDisposition().getFilename())
                .startsWith("summary-").endsWith(".xlsx");
        assertThat(download("summary").getHeaders().getContentDisposition().getFilename()).isNull();
    }

    @Test
    void theRouteHasEveryPositionInTimeOrderAndTheStopsAreTheTripsGaps() {
        List<JsonNode> route = json("route");
        assertThat(route).hasSize(round.size());
        assertThat(route).extracting(position -> position.get("at").stringValue())
                .isEqualTo(round.stream().map(fix -> fix.ts().toString()).toList());
        assertThat(route.get(0).get("lat").doubleValue()).isCloseTo(((Sample.Fix) round.get(0)).lat(), within(1e-9));

        List<JsonNode> stops = json("stops");
        assertThat(stops).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stops.get(1).get("arrivedAt")).isEqualTo(trips.get(0).get("endedAt"));
        assertThat(stops.get(1).get("departedAt")).isEqualTo(trips.get(1).get("startedAt"));
    }

    @Test
    void theSummaryAsXlsxHasTheDaysDistanceInKilometres() throws Exception {
        double meters = trips.stream().mapToDouble(trip -> trip.get("distanceMeters").doubleValue()).sum();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("summary?device=%s&format=xlsx&zone=Europe/Berlin".formatted(device)).getBody()))) {
            Sheet sheet = workbook.getSheet("Summary");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Distance (km)");
            double kilometres = 0;
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                kilometres += sheet.getRow(row).getCell(2).getNumericCellValue();
            }
            assertThat(kilometres).isCloseTo(meters / 1000, within(1e-6));
        }
    }

    @Test
    void eventsAreTheDevicesAlertsAndCommandsInTimeOrderAndAFormulaStaysText() throws Exception {
        Instant raised = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        nats.jetStream().publish(Subjects.alertEvents(device), ("{\"alertId\": \"r1\", \"ruleId\": \"reefer-warm\","
                + " \"state\": \"RAISED\", \"severity\": \"CRITICAL\", \"ts\": \"%s\", \"message\": \"=HYPERLINK(\\\"x\\\")\"}")
                .formatted(raised).getBytes(StandardCharsets.UTF_8));
        assertThat(postJson("/api/v1/devices/%s/commands".formatted(device), "{\"type\": \"ping\"}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(15)).until(() -> json("events").size() == 2);
        List<JsonNode> events = json("events");
        assertThat(events).extracting(event -> event.get("type").stringValue()).containsExactly("alert", "command");
        assertThat(events.get(0).get("at").stringValue()).isEqualTo(raised.toString());
        assertThat(events.get(0).get("severity").stringValue()).isEqualTo("critical");
        assertThat(events.get(1).get("detail").stringValue()).startsWith("ping by ");

        List<CSVRecord> csv = csv(download("events?device=%s&format=csv".formatted(device)));
        assertThat(csv.get(0).get(4)).isEqualTo("Detail");
        assertThat(csv.get(1).get(4)).startsWith("'=HYPERLINK");
    }

    @Test
    void aBadFormatUnitsZonePeriodOrScopeIsRefusedBeforeAnythingIsWritten() {
        assertThat(refusal("trips?format=docx")).isEqualTo("Unknown format");
        assertThat(refusal("trips?units=furlongs")).isEqualTo("Unknown units");
        assertThat(refusal("route?zone=GMT%2B2")).isEqualTo("Unknown time zone");
        assertThat(refusal("events?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z")).isEqualTo("Period too long");
        assertThat(refusal("stops?device=%s&tag=test".formatted(device))).isEqualTo("Invalid report scope");
        assertThat(get("/api/v1/reports/trips?device=no-such-truck&format=pdf").status()).isEqualTo(404);
        assertThat(get("/api/v1/reports/trips?tag=no-such-tag").json()).isEmpty();
    }

    @Test
    void anotherTenantsExportHasNoneOfThisTenantsRows() {
        String stranger = "Bearer " + createKey(newTenant().credentials(), "ADMIN");

        assertThat(as(stranger).get("/api/v1/reports/trips?device=%s&format=csv".formatted(device)).status()).isEqualTo(404);
        assertThat(as(stranger).get("/api/v1/reports/route?format=csv").body()).doesNotContain(device);
    }

    @Test
    void theFleetsDaySoFarAddsUpTheTripsClosedSinceMidnightInTheZone() {
        Tenant tenant = newTenant();
        // a zone where the round (begun three hours ago) is today, whatever the hour
        String zone = LocalTime.now(ZoneId.of("UTC")).getHour() >= 4 ? "UTC" : "Asia/Tokyo";
        Instant started = Instant.parse(trips.get(0).get("startedAt").stringValue());
        assertThat(started).isAfter(LocalDate.now(ZoneId.of(zone)).atStartOfDay(ZoneId.of(zone)).toInstant());

        JsonNode empty = as(tenant.credentials()).get("/api/v1/trips/today?zone=" + zone).json();
        JsonNode day = get("/api/v1/trips/today?zone=" + zone).json();

        assertThat(empty.get("trips").intValue()).as("another tenant's fleet").isZero();
        assertThat(empty.get("vehicles").intValue()).isZero();
        assertThat(day.get("zone").stringValue()).isEqualTo(zone);
        assertThat(day.get("trips").intValue()).isGreaterThanOrEqualTo(3);
        assertThat(day.get("distanceMeters").doubleValue()).isGreaterThanOrEqualTo(
                trips.stream().mapToDouble(trip -> trip.get("distanceMeters").doubleValue()).sum());
        assertThat(get("/api/v1/trips/today?zone=GMT%2B2").status()).isEqualTo(400);
    }

    private String refusal(String query) {
        Response refused = get("/api/v1/reports/" + query);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        return refused.json().get("title").stringValue();
    }

    private List<JsonNode> json(String report) {
        Response response = get("/api/v1/reports/%s?device=%s".formatted(report, device));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private ResponseEntity<byte[]> download(String query) {
        ResponseEntity<byte[]> response = RestClient.create().get().uri(URI.create(baseUrl() + "/api/v1/reports/" + query))
                .header(HttpHeaders.AUTHORIZATION, adminKey()).retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response;
    }

    private static List<CSVRecord> csv(ResponseEntity<byte[]> download) throws IOException {
        String text = new String(download.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private void publish(String channel, String payload) throws Exception {
        nats.jetStream().publish(Subjects.telemetry(device, channel), payload.getBytes(StandardCharsets.UTF_8));
    }
}
