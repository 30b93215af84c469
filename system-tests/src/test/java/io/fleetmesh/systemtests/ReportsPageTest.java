package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The reports page in a real headless Chromium: a van's two trips (published through the hub) shown in the
 * operator's zone and units, downloaded as XLSX and PDF through the page's progress-showing download and read back
 * with POI and PDFBox, a refused period explained, and a phone's width.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsPageTest {

    private static final String VAN = "reports-van";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Platform platform;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(); // assigned before fleet-api starts: @AfterAll stops it even if that fails
        platform.startApi();
        platform.register(VAN);
        try (Connection hub = Nats.connect(platform.hub.url())) { // 3 km north and back, parked ten minutes around
            new GpsApp(hub.jetStream(), VAN, Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS))
                    .parked(60).drive(30, +1).parked(60).drive(30, -1).parked(60);
        }
        await().atMost(Platform.patience()).until(() -> platform.call("GET", "/api/v1/reports/trips?device=" + VAN, null)
                .body().size() == 2);
        browser = new Browser(platform.baseUrl());
        browser.open("/reports");
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/login"));
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys(platform.initialAdminPassword(), Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/reports")); // back where the login interrupted
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(browser, platform);
    }

    @Test
    @Order(1)
    void aFirstVisitAsksForTodayInTheBrowsersZone() {
        String zone = (String) browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone;");

        assertThat(new Select(browser.find("#zone")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(zone.equals("Etc/UTC") ? "UTC" : zone);
        assertThat(browser.find("#to").getAttribute("value")).isEqualTo(browser.script(
                "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-'"
                        + " + String(d.getDate()).padStart(2, '0');"));
        assertThat(browser.unlabelledFields()).isEmpty();
    }

    @Test
    @Order(2)
    void theVansTripsAreShownInBerlinTimeAndDownloadAsAWorkbookAndAPrintout() throws Exception {
        asked("Trips", LocalDate.now(BERLIN).minusDays(1), LocalDate.now(BERLIN).plusDays(1));

        assertThat(browser.all("table.report tbody tr")).hasSize(2);
        assertThat(browser.all("table.report th")).extracting(WebElement::getText)
                .contains("Start (Europe/Berlin)", "Distance (km)");
        assertThat(browser.text("table.report tbody tr")).startsWith(VAN).contains("3.00");

        try (InputStream file = Files.newInputStream(download("XLSX")); XSSFWorkbook workbook = new XSSFWorkbook(file)) {
            Sheet trips = workbook.getSheet("Trips");
            assertThat(trips.getLastRowNum()).isEqualTo(2);
            assertThat(trips.getRow(1).getCell(0).getStringCellValue()).isEqualTo(VAN);
            assertThat(trips.getRow(1).getCell(8).getNumericCellValue()).isCloseTo(3.0, within(0.1));
        }
        try (var pdf = Loader.loadPDF(download("PDF").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Trips", VAN, "(Europe/Berlin)", "3.00");
        }
    }

    @Test
    @Order(3)
    void moreThanThirtyOneDaysAreRefusedWithTheReason() {
        browser.open("/reports?kind=SUMMARY&from=2026-01-01&to=2026-03-01&zone=UTC&units=metric");

        assertThat(browser.text(".problem")).contains("31 days");
        assertThat(browser.all("table.report")).isEmpty();
    }

    @Test
    @Order(4)
    void theStopsReportFitsAPhoneInMiles() throws Exception {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.open("/reports?kind=STOPS&device=%s&from=%s&to=%s&zone=Europe/Berlin&units=imperial".formatted(VAN,
                    LocalDate.now(BERLIN).minusDays(1), LocalDate.now(BERLIN).plusDays(1)));
            assertThat(browser.all("table.report tbody tr")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.overflowingSideways()).isEmpty();
            browser.screenshot("reports-phone");
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(5)
    void theOverviewCountsTodaysTripsSinceMidnightInTheBrowsersZone() throws Exception {
        long midnight = (Long) browser.script("const d = new Date(); d.setHours(0, 0, 0, 0); return d.getTime();");
        long today = 0;
        for (var trip : platform.call("GET", "/api/v1/reports/trips?device=" + VAN, null).body()) {
            today += Instant.parse(trip.get("startedAt").stringValue()).toEpochMilli() >= midnight ? 1 : 0;
        }
        String expected = Long.toString(today);

        browser.open("/");
        browser.waitFor(driver -> browser.text("#today-trips").equals(expected) ? true : null);
        assertThat(browser.text("#today-distance")).isEqualTo(today == 0 ? "0.0 km" : today * 3 + ".0 km");
        browser.find("#today-report").click();
        browser.waitFor(driver -> driver.getCurrentUrl().contains("kind=SUMMARY"));
        assertThat(browser.all("table.report tbody tr")).hasSize(today == 0 ? 0 : 1);
    }

    @Test
    @Order(6)
    void noPageLoggedAScriptOrCspError() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Fills the form as an operator would and shows the report. */
    private static void asked(String kind, LocalDate from, LocalDate to) {
        browser.open("/reports");
        new Select(browser.find("#kind")).selectByVisibleText(kind);
        browser.find("#device").sendKeys(VAN);
        browser.script("arguments[0].value = arguments[2]; arguments[1].value = arguments[3];", browser.find("#from"),
                browser.find("#to"), from.toString(), to.toString());
        new Select(browser.find("#zone")).selectByValue("Europe/Berlin");
        new Select(browser.find("#units")).selectByValue("metric");
        browser.find(".report-form button[type=submit]").click();
        browser.waitFor(driver -> driver.getCurrentUrl().contains("kind=" + kind.toUpperCase()));
    }

    /** Clicks the format's download link: the page says what it received, then saves the file it names. */
    private static Path download(String format) {
        WebElement link = browser.all("a.export").stream().filter(a -> a.getText().endsWith(format)).findFirst().orElseThrow();
        String name = link.getAttribute("download");
        link.click();
        browser.waitFor(driver -> browser.text(".download-state").startsWith("Downloaded " + name) ? true : null);
        return browser.downloaded(name);
    }
}
