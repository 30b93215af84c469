package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.devices.DeviceRules;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.simulator.Simulator;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium against a whole platform (PostgreSQL, hub, fleet-api) and a simulated
 * truck with its own leaf and agent. The tests run in order: the first logs in (and must replace the temporary
 * password), the others use that session. Screenshots of each page are kept in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {

    private static final String TRUCK = "dash-1";
    private static final String NEW_PASSWORD = "the administrator's own password";

    private static Platform platform;
    private static EdgeAgent truck;
    private static Simulator simulator;
    private static Browser browser;
    private static TileServer tiles;

    @BeforeAll
    static void start() throws Exception {
        tiles = new TileServer();
        platform = new Platform(); // assigned before fleet-api starts: @AfterAll stops it even if that fails
        // heartbeats every second: a truck silent for 8 s is offline, checked every second
        platform.startApi("--fleetmesh.security.admin-password-temporary=true", "--fleetmesh.ui.map.tiles=" + tiles.template(),
                "--fleetmesh.ui.map.attribution=Test tiles", "--fleetmesh.telemetry.offline-after=8s",
                "--fleetmesh.alerts.offline-after=8s", "--fleetmesh.alerts.offline-check=1s");
        truck = platform.truck(TRUCK, new Properties());
        platform.jdbc.update("UPDATE devices SET tags = '{dashboard}' WHERE id = ?", TRUCK);
        platform.registerDrivers(0);
        simulator = Simulator.start(List.of(TRUCK + "=" + truck.localUrl()), Duration.ofMillis(500));
        browser = new Browser(platform.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(browser, simulator, truck, platform, tiles);
    }

    @Test
    @Order(10)
    void anOperatorLogsInWithTheKeyboardAndMustFirstReplaceTheTemporaryPassword() throws Exception {
        browser.open("/devices");
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/login"));
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.find("#username").sendKeys("admin", Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        browser.driver.switchTo().activeElement().sendKeys(platform.initialAdminPassword(), Keys.ENTER);

        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/account/password"));
        browser.open("/devices");
        assertThat(browser.driver.getCurrentUrl()).as("every page leads to the password page").endsWith("/account/password");
        assertThat(basicStatus("/api/v1/devices", platform.initialAdminPassword())).isEqualTo(403);
        browser.find("#currentPassword").sendKeys(platform.initialAdminPassword());
        browser.find("#newPassword").sendKeys(NEW_PASSWORD, Keys.ENTER);

        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/?passwordChanged"));
        assertThat(browser.text("main")).contains("Your password is changed", "Online");
        platform.adminPasswordChanged(NEW_PASSWORD);
        assertThat(basicStatus("/api/v1/devices", NEW_PASSWORD)).isEqualTo(200);
        browser.waitFor(driver -> !browser.text("#online").equals("0"));
        browser.screenshot("overview");
    }

    @Test
    @Order(20)
    void theDevicePageShowsReadingsAsTheyArriveWithoutReloading() throws Exception {
        await().atMost(Platform.patience()).until(() -> platform.rows(TRUCK) > 5);
        browser.open("/devices/" + TRUCK);
        browser.mark();
        String first = browser.waitFor(driver -> text("#latest [data-channel=\"reefer\"] .ts"));
        browser.waitFor(driver -> !first.equals(text("#latest [data-channel=\"reefer\"] .ts")));
        browser.waitFor(driver -> Integer.parseInt(attribute("figure[data-channel=\"reefer\"]", "data-points", "0")) >= 2);
        browser.waitFor(driver -> Integer.parseInt(browser.find("#replay-position").getAttribute("max")) > 0);
        assertThat(browser.stillMarked()).as("no reload").isTrue();
        assertThat(browser.text("#presence")).isEqualTo("online");
        assertThat(browser.all(".leaflet-container")).hasSize(1);
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.screenshot("device");
    }

    @Test
    @Order(30)
    void aCommandSentFromTheDevicePageIsSeenReachingSucceeded() throws Exception {
        browser.open("/devices/" + TRUCK);
        WebElement type = browser.find("#type");
        type.clear();
        type.sendKeys("ping");
        browser.find("#ttl").sendKeys(Keys.ENTER);
        String notice = browser.waitFor(driver -> text(".notice"));
        String id = notice.replaceAll("^Command (\\S+) queued\\.$", "$1");
        browser.mark();
        String row = "tr[data-command=\"" + id + "\"] .state";
        browser.waitFor(driver -> "SUCCEEDED".equals(text(row)));
        assertThat(browser.stillMarked()).as("no reload").isTrue();
        assertThat(platform.call("GET", "/api/v1/commands/" + id, null).body().get("state").stringValue()).isEqualTo("SUCCEEDED");
        browser.screenshot("device-command");
    }

    @Test
    @Order(40)
    void aFanOutFromTheCommandsPageShowsItsProgressUntilEveryTruckAnswered() throws Exception {
        browser.open("/commands");
        browser.find("details summary").click();
        browser.find("#fanout-tag").sendKeys("dashboard");
        browser.find("#fanout-ttl").sendKeys(Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().contains("fanout="));
        browser.mark();
        browser.waitFor(driver -> "SUCCEEDED=1 (finished)".equals(text("#fanout-states")));
        assertThat(browser.find("#fanout-progress").getAttribute("value")).isEqualTo("1");
        assertThat(browser.stillMarked()).as("no reload").isTrue();
        browser.screenshot("fanout");
    }

    @Test
    @Order(50)
    void aNewAlertAppearsLiveAndIsAcknowledgedWithAComment() throws Exception {
        browser.open("/alerts");
        browser.mark();
        try (Connection hub = Nats.connect(platform.hub.url())) {
            hub.jetStream().publish("fleet.%s.events.alert".formatted(TRUCK), ("{\"alertId\": \"door-1\", \"ruleId\":"
                    + " \"door-open\", \"state\": \"RAISED\", \"severity\": \"CRITICAL\", \"ts\": \"%s\", \"message\":"
                    + " \"rear door open\"}").formatted(Instant.now()).getBytes(StandardCharsets.UTF_8));
        }
        WebElement row = browser.waitFor(driver -> driver.findElements(By.xpath("//tr[td[text()='door-open']]"))
                .stream().findFirst().orElse(null));
        assertThat(browser.stillMarked()).as("no reload").isTrue();
        assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("ACTIVE");
        row.findElement(By.name("comment")).sendKeys("driver closed it");
        row.findElement(By.xpath(".//button[text()='Acknowledge']")).click();

        browser.waitFor(driver -> "Alert acknowledged.".equals(text(".notice")));
        WebElement handled = browser.driver.findElement(By.xpath("//tr[td[text()='door-open']]"));
        assertThat(handled.findElement(By.cssSelector(".state")).getText()).isEqualTo("ACKNOWLEDGED");
        assertThat(handled.getText()).contains("acknowledged by admin: driver closed it");
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.screenshot("alerts");
    }

    @Test
    @Order(60)
    void devicesAreImportedFromCsvWithEachRowsOutcomeAndNamesShownAsText() throws Exception {
        Path csv = Files.createTempFile("devices", ".csv");
        Files.writeString(csv, """
                id,name,kind,tags
                csv-1,Reefer one,reefer-truck,north;cold
                csv-2,Van two,van,
                Bad Id,Broken,van,
                %s,Taken,van,
                csv-1,Again,van,
                csv-3,"<script>window.pwned = true</script>",van,
                """.formatted(TRUCK));
        browser.open("/imports");
        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.find("form.send button").click();

        browser.waitFor(driver -> String.valueOf(text("#import-summary")).endsWith("(finished)"));
        assertThat(browser.text("#import-summary")).isEqualTo("6 of 6 rows done, 3 devices created (finished)");
        assertThat(browser.all("#import-rows tbody tr")).extracting(WebElement::getText).containsExactly(
                "2 csv-1 created", "3 csv-2 created", "4 Bad Id id: " + DeviceRules.ID_RULE,
                "5 " + TRUCK + " a device with this id is already registered",
                "6 csv-1 the id appears on an earlier line of this file", "7 csv-3 created");
        browser.screenshot("import");

        browser.open("/devices?q=script");
        assertThat(browser.text("main")).contains("<script>window.pwned = true</script>");
        assertThat(browser.script("return window.pwned === undefined;")).isEqualTo(true);
        browser.screenshot("devices");
    }

    @Test
    @Order(70)
    void everyPageHasLabelledFieldsAndRunsWithoutScriptErrors() throws Exception {
        for (String page : List.of("/", "/devices", "/devices/" + TRUCK, "/alerts", "/commands", "/rules", "/geofences",
                "/imports", "/devices/" + TRUCK + "/commands", "/rollouts", "/notifications", "/maintenance", "/drivers",
                "/reports", "/account/password")) {
            browser.open(page);
            assertThat(browser.unlabelledFields()).as(page).isEmpty();
            browser.screenshot("page" + page.replaceAll("[^a-z0-9]+", "-"));
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(15)
    void theOverviewMapShowsTheTruckOnTheTileServersTilesAndAClickOpensIt() throws Exception {
        browser.open("/");
        WebElement marker = browser.waitFor(driver -> driver.findElements(By.cssSelector(".leaflet-marker-icon.truck"))
                .stream().findFirst().orElse(null));
        assertThat(marker.getAttribute("class")).containsAnyOf("moving", "stopped");
        assertThat(marker.getAttribute("title")).contains("(" + TRUCK + ")");
        assertThat(browser.all(".leaflet-marker-icon.truck .arrow")).as("the simulator sends a heading").hasSize(1);
        await().atMost(Platform.patience()).until(() -> !tiles.requested().isEmpty());
        assertThat(tiles.requested()).allMatch(path -> path.matches("/\\d+/\\d+/\\d+\\.png"));
        assertThat(browser.text(".leaflet-control-attribution")).contains("Test tiles");
        browser.screenshot("overview-map");
        marker.click();
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/devices/" + TRUCK));
    }

    @Test
    @Order(16)
    void theFleetListShowsEachTrucksStatusSpeedAndPosition() throws Exception {
        browser.open("/devices?status=online");
        String row = "tr[data-device=\"" + TRUCK + "\"]";
        // the row is drawn again as readings come in: each cell is read whole, from the row as it is then
        browser.waitFor(driver -> String.valueOf(text(row + " .status")).startsWith("online"));
        browser.waitFor(driver -> String.valueOf(text(row + " .speed")).matches("\\d+ km/h"));
        browser.waitFor(driver -> String.valueOf(text(row + " .position")).matches("52\\.\\d{5}, 13\\.\\d{5}"));
        browser.waitFor(driver -> attribute(row + " .seen time", "title", "").matches("\\d+ s ago"));
        String credentials = platform.call("GET", "/api/v1/devices/" + TRUCK, null).body().get("credentialsState").stringValue();
        browser.waitFor(driver -> credentials.equals(text(row + " .credentials")));
        browser.open("/devices?status=never-seen");
        assertThat(browser.all(row)).isEmpty();
    }

    @Test
    @Order(80)
    void everyPageFitsAPhoneAndAControlRoomScreen() throws Exception {
        for (String page : List.of("/", "/devices", "/alerts", "/commands")) {
            for (int[] size : new int[][] {{390, 844}, {1400, 900}}) {
                browser.resize(size[0], size[1]);
                browser.open(page);
                assertThat(browser.overflowingSideways()).as(page + " at " + size[0] + " px wide").isEmpty();
                browser.screenshot((size[0] < 800 ? "phone" : "desktop") + page.replaceAll("[^a-z0-9]+", "-"));
            }
        }
        browser.resize(1280, 1600);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(90)
    void theListShowsATruckGoingOfflineAsItHappensWhenItsAgentStops() throws Exception {
        browser.open("/devices");
        String status = "tr[data-device=\"" + TRUCK + "\"] .status";
        browser.waitFor(driver -> String.valueOf(text(status)).startsWith("online"));
        browser.mark();
        simulator.close();
        truck.close();
        browser.waitFor(driver -> String.valueOf(text(status)).startsWith("offline"));
        assertThat(browser.stillMarked()).as("no reload").isTrue();
        browser.screenshot("devices-offline");
    }

    /** The first match's text, or null while there is none (the page may still be loading). */
    private static String text(String css) {
        return browser.all(css).stream().findFirst().map(WebElement::getText).orElse(null);
    }

    private static String attribute(String css, String name, String otherwise) {
        return browser.all(css).stream().findFirst().map(element -> element.getAttribute(name)).filter(v -> v != null)
                .orElse(otherwise);
    }

    private static int basicStatus(String path, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                .header("Authorization", "Basic " + basic).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
