package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.edge.EdgeAgent;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.fleetmesh.simulator.Simulator;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;

/**
 * A device's page in a real headless Chromium, fed by a simulated reefer truck: values labelled and formatted by the
 * metric catalogue, charts per chart group with the range picker and CSV export, a hostile catalogue label shown as
 * text, the last day's trips and stops of a van with a trip's replay, phone and desktop screenshots in
 * {@code target/screenshots}, and no script or CSP error on the way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceDashboardTest {

    private static final String TRUCK = "device-page-1";
    private static final String PAGE = "/devices/" + TRUCK;
    private static final String DELIVERY_VAN = "device-page-van";
    private static final String HOSTILE_LABEL = "<img src=x onerror=\"window.pwned=1\">Engine speed";
    private static final String REEFER_TIME = "#latest [data-channel=\"reefer\"] time.ts";
    private static final String TEMP_CHART = "figure[data-metrics~=\"temp\"]";

    private static Platform platform;
    private static EdgeAgent truck;
    private static Simulator simulator;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(); // assigned before fleet-api starts: @AfterAll stops it even if that fails
        platform.startApi();
        truck = platform.truck(TRUCK, new Properties());
        platform.registerDrivers(0);
        simulator = Simulator.start(List.of(TRUCK + "=" + truck.localUrl()), Duration.ofMillis(500));
        browser = new Browser(platform.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(browser, simulator, platform);
    }

    @Test
    @Order(1)
    void anAdministratorRelabelsAMetricAndLogsIn() throws Exception {
        Platform.Answer relabelled = platform.call("PUT", "/api/v1/metric-catalogue/engine/rpm",
                "{\"label\": \"%s\", \"unit\": \"rpm\", \"precision\": 0, \"chart\": \"rpm\"}"
                        .formatted(HOSTILE_LABEL.replace("\"", "\\\"")));
        assertThat(relabelled.status()).isEqualTo(200);
        assertThat(platform.call("PUT", "/api/v1/metric-catalogue/reefer/temp", "{\"label\": \"Box\", \"unit\": \"degC\"}")
                .status()).as("an unknown unit").isEqualTo(422);

        browser.open(PAGE);
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/login"));
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys(platform.initialAdminPassword(), Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().contains(PAGE)); // back where the login interrupted
    }

    @Test
    @Order(2)
    void latestValuesAreLabelledFieldsWithUnitsAndFreshness() throws Exception {
        await().atMost(Platform.patience()).until(() -> platform.rows(TRUCK) > 10);
        browser.open(PAGE);
        browser.mark();
        browser.waitFor(driver -> matching(value("reefer", "temp"), "-?\\d+(\\.\\d)? °C"));
        assertThat(label("reefer", "temp")).isEqualTo("Box temperature");
        assertThat(label("reefer", "compressorTemp")).isEqualTo("Compressor temperature");
        assertThat(value("reefer", "compressorTemp")).matches("\\d+\\.\\d °C");
        assertThat(value("reefer", "door")).isIn("closed", "open");
        assertThat(value("gps", "speed")).matches("\\d+ km/h");
        assertThat(value("engine", "rpm")).matches("\\d{1,2}(,\\d{3})* rpm");
        assertThat(value("engine", "fuel")).matches("\\d+%");
        assertThat(label("engine", "rpm")).as("a hostile label is text").isEqualTo(HOSTILE_LABEL);
        assertThat(browser.script("return window.pwned === undefined;")).isEqualTo(true);
        String shownAt = first(REEFER_TIME);
        browser.waitFor(driver -> !shownAt.equals(first(REEFER_TIME)));
        assertThat(value("reefer", "temp")).as("redrawn live as the server drew it").matches("-?\\d+(\\.\\d)? °C");
        browser.waitFor(driver -> matching(first("#latest [data-channel=\"reefer\"] .ago"), "(\\d+ s ago|in \\d+ s)"));
        assertThat(browser.find("#latest [data-channel=\"reefer\"] time").getAttribute("datetime")).endsWith("Z");
        assertThat(browser.stillMarked()).as("updated live, no reload").isTrue();
        assertThat(browser.unlabelledFields()).isEmpty();
    }

    @Test
    @Order(3)
    void theBoxAndTheCompressorTemperaturesAreOnDifferentChartsAndEachMetricToggles() {
        browser.open(PAGE);
        WebElement temp = browser.waitFor(driver -> browser.all(TEMP_CHART + " .uplot").isEmpty() ? null
                : browser.find(TEMP_CHART));
        WebElement compressor = browser.waitFor(driver -> browser.all("figure[data-metrics~=\"compressorTemp\"] .uplot")
                .isEmpty() ? null : browser.find("figure[data-metrics~=\"compressorTemp\"]"));
        assertThat(temp).isNotEqualTo(compressor);
        assertThat(temp.getAttribute("data-metrics")).isEqualTo("temp setpoint");
        assertThat(temp.getAttribute("data-scales")).isEqualTo("°C");
        assertThat(compressor.getAttribute("data-metrics")).doesNotContain("temp ").isEqualTo("compressorTemp");
        assertThat(browser.all("figure[data-metrics~=\"speed\"]")).as("gps speed is charted").hasSize(1);
        assertThat(browser.all("figure[data-metrics~=\"lat\"]")).as("positions are not").isEmpty();

        WebElement setpoint = temp.findElement(By.cssSelector("input[data-metric=\"setpoint\"]"));
        setpoint.click();
        assertThat(setpoint.isSelected()).isFalse();
        assertThat(temp.findElements(By.cssSelector(".toggle.off"))).as("uPlot hid the series").hasSize(1);
        assertThat(temp.findElement(By.cssSelector(".toggle[data-metric=\"temp\"] .value")).getText())
                .matches("-?\\d+\\.\\d °C");
        setpoint.sendKeys(Keys.SPACE);
        assertThat(setpoint.isSelected()).isTrue();
        assertThat(temp.findElements(By.cssSelector(".toggle.off"))).isEmpty();
    }

    @Test
    @Order(4)
    void theRangePickerReloadsTheChartsForAWeekOrAFromToRange() {
        browser.open(PAGE);
        String before = browser.waitFor(driver -> browser.find("#charts").getAttribute("data-loads"));
        assertThat(browser.find(TEMP_CHART).getAttribute("data-bucket-seconds")).isEqualTo("6");
        browser.find("button[data-range=\"604800\"]").click();
        browser.waitFor(driver -> !before.equals(browser.find("#charts").getAttribute("data-loads")));
        browser.waitFor(driver -> "1008".equals(attribute(TEMP_CHART, "data-bucket-seconds")));
        assertThat(browser.find("button[data-range=\"604800\"]").getAttribute("aria-pressed")).isEqualTo("true");

        String week = browser.find("#charts").getAttribute("data-loads");
        browser.script("""
                const pad = n => String(n).padStart(2, '0');
                const local = d => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T'
                  + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
                document.getElementById('range-from').value = local(new Date(Date.now() - 600000));
                document.getElementById('range-to').value = local(new Date());""");
        browser.find("#custom-range button[type=submit]").click();
        browser.waitFor(driver -> !week.equals(browser.find("#charts").getAttribute("data-loads")));
        browser.waitFor(driver -> "1".equals(attribute(TEMP_CHART, "data-bucket-seconds")));
        assertThat(browser.text("#range-shown")).doesNotContain("live");
        assertThat(browser.all("button[aria-pressed=\"true\"][data-range]")).isEmpty();
    }

    @Test
    @Order(5)
    void aChartsDataDownloadsAsCsvWithAHeaderAndRows() {
        browser.open(PAGE);
        WebElement link = browser.waitFor(driver -> browser.all(TEMP_CHART + " a.csv").stream().findFirst().orElse(null));
        assertThat(link.getText()).isEqualTo("Download CSV");
        assertThat(link.getAttribute("download")).isNotNull();
        // the last hour in 6 s buckets: a young truck's readings may all still fall in one
        List<String> lines = browser.waitFor(driver -> {
            List<String> csv = csvLines(followedAddress(link));
            return csv.size() > 2 ? csv : null;
        });
        assertThat(lines.get(0)).isEqualTo("time,temp,setpoint");
        assertThat(lines.subList(1, lines.size())).allMatch(line ->
                line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?Z,-?[\\d.]*,-?[\\d.]*"));
    }

    @Test
    @Order(6)
    void theLastDaysTripsAndStopsAreListedAndATripsReplayShowsItsTrack() throws Exception {
        platform.register(DELIVERY_VAN);
        try (Connection hub = Nats.connect(platform.hub.url())) { // parked ten minutes, 3 km north, parked ten minutes
            new GpsApp(hub.jetStream(), DELIVERY_VAN, Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS))
                    .parked(60).drive(30, +1).parked(60);
        }
        JsonNode trip = await().atMost(Platform.patience()).until(() -> platform.call("GET",
                "/api/v1/devices/%s/trips".formatted(DELIVERY_VAN), null).body(), trips -> trips.size() == 1).get(0);
        assertThat(trip.get("distanceMeters").doubleValue()).isBetween(2_900.0, 3_100.0);
        // the stop after the trip is written once the parked fixes after it are read, which may be a later batch
        await().atMost(Platform.patience()).until(() -> platform.call("GET",
                "/api/v1/devices/%s/stops".formatted(DELIVERY_VAN), null).body(), stops -> stops.size() == 2);

        browser.open("/devices/" + DELIVERY_VAN);
        assertThat(browser.all("#trips tbody tr")).hasSize(1);
        assertThat(browser.text("#trips tbody tr")).containsPattern("3[.,]0 km").contains("36 km/h");
        assertThat(browser.all("#stops tbody tr")).hasSize(2);
        assertThat(browser.text("#stops tbody tr:last-child")).contains("still there");
        browser.find("#trips button.replay-trip").click();
        browser.waitFor(driver -> browser.find("#map").getAttribute("data-replayed") != null);
        assertThat(Integer.parseInt(browser.find("#map").getAttribute("data-replayed"))).as("the trip's fixes")
                .isBetween(30, 33);
        assertThat(browser.text("#range-shown")).doesNotContain("live");
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        browser.open("/devices/" + DELIVERY_VAN);
        assertThat(browser.overflowingSideways()).isEmpty();
        fullPage("device-trips-phone");
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    @Order(7)
    void thePageFitsAPhoneAndADesktop() throws Exception {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1400, 900))) {
            // the viewport itself at this size (a window's size would include the browser's own bars), a phone's
            // as a phone renders it
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getWidth(),
                    "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", size.getWidth() < 600));
            browser.open(PAGE);
            browser.waitFor(driver -> browser.all(TEMP_CHART + " .uplot").isEmpty() ? null : true);
            long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
            for (String part : List.of("#latest", "#charts", TEMP_CHART, "#chart-controls")) {
                assertThat(browser.find(part).getRect().getX() + browser.find(part).getRect().getWidth())
                        .as("%s within %s px", part, viewport).isLessThanOrEqualTo((int) viewport);
            }
            String name = size.getWidth() < 600 ? "device-phone" : "device-desktop";
            browser.screenshot(name);
            fullPage(name + "-full");
        }
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    @Order(8)
    void noPageLoggedAScriptOrCspError() {
        List<String> errors = browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(message -> !message.contains("favicon")).toList();
        assertThat(errors).isEmpty();
    }

    /** The link's address as a click makes it (a live range ends now), the download itself prevented. */
    private static String followedAddress(WebElement link) {
        return (String) browser.script("""
                const link = arguments[0];
                link.addEventListener('click', e => e.preventDefault(), { once: true });
                link.click();
                return link.href;""", link);
    }

    /** The CSV fetched by the page (its session), checked to be CSV, as lines. */
    private static List<String> csvLines(String href) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(r => r.text().then(t => done({ status: r.status, type: r.headers.get('Content-Type'), body: t })))
                  .catch(e => done({ status: -1, type: '', body: String(e) }));""", href);
        assertThat(answer.get("status")).isEqualTo(200L);
        assertThat((String) answer.get("type")).startsWith("text/csv");
        return ((String) answer.get("body")).lines().toList();
    }

    /** The whole page, beyond the viewport (Chromium's own capture), to see every section at phone width. */
    private static void fullPage(String name) throws Exception {
        Map<String, Object> shot = browser.driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String value(String channel, String metric) {
        return first("#latest [data-channel=\"%s\"] [data-metric=\"%s\"] dd".formatted(channel, metric));
    }

    private static String label(String channel, String metric) {
        return first("#latest [data-channel=\"%s\"] [data-metric=\"%s\"] dt".formatted(channel, metric));
    }

    /** The text if it matches, else null (to wait for). */
    private static String matching(String text, String regex) {
        return text != null && text.matches(regex) ? text : null;
    }

    /**
     * The first match's text, or null while there is none (the page may still be loading). Read in the page: a
     * live reading may redraw the element between finding it and reading it.
     */
    private static String first(String css) {
        return (String) browser.script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.textContent.trim() : null;", css);
    }

    private static String attribute(String css, String name) {
        return browser.all(css).stream().findFirst().map(element -> element.getAttribute(name)).orElse(null);
    }
}
