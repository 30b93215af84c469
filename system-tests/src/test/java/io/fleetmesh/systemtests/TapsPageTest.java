package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The taps page in a real headless Chromium: an administrator creates a tap from its form, and the tap's lag follows
 * the readings that arrive for it without a reload.
 */
class TapsPageTest extends SystemTest {

    private static Browser browser;

    @AfterAll
    static void closeBrowser() throws Exception {
        Shutdown.inOrder(browser);
    }

    @Test
    void aTapCreatedFromThePageShowsItsLagLive() throws Exception {
        platform.register("tapped-truck");
        browser = new Browser(platform.baseUrl());
        browser.open("/taps");
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/login"));
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys(platform.initialAdminPassword(), Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/taps"));

        browser.find("#name").sendKeys("warehouse");
        new Select(browser.find("#source")).selectByValue("telemetry");
        browser.find("#filter").sendKeys("fleet.tapped-truck.telemetry.>");
        browser.find("#new-tap button").click();
        browser.waitFor(driver -> browser.text(".notice").startsWith("Tap warehouse reads fleet.tapped-truck.telemetry.>."));
        assertThat(browser.text("#taps .lag")).isEqualTo("0");
        browser.mark();
        try (Connection truck = Nats.connect(platform.hub.url())) {
            for (int i = 0; i < 25; i++) {
                truck.jetStream().publish("fleet.tapped-truck.telemetry.reefer", ("{\"ts\": \"2026-12-07T11:00:"
                        + String.format("%02d", i) + "Z\", \"temp\": -18}").getBytes(StandardCharsets.UTF_8));
            }
        }
        browser.waitFor(driver -> "25".equals(browser.text("#taps .lag")));
        assertThat(browser.stillMarked()).as("followed live, without a reload").isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
