package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The rollouts page in a real headless Chromium: an administrator uploads a package through its file form (streamed
 * to the Object Store), starts a rollout to a real truck from the page and watches it reach SUCCEEDED without
 * reloading.
 */
class RolloutsPageTest extends SystemTest {

    private static Browser browser;

    @AfterAll
    static void closeBrowser() throws Exception {
        Shutdown.inOrder(browser);
    }

    @Test
    void aPackageUploadedFromThePageReachesTheTruckAndThePageFollowsIt() throws Exception {
        Path truckDir = Platform.tempDir("agent-paged-truck");
        Properties settings = new Properties();
        settings.setProperty("data-dir", truckDir.toString());
        platform.truck("paged-truck", settings);
        byte[] map = new byte[700 * 1024]; // several chunks
        new Random(7).nextBytes(map);
        Path file = Files.write(Platform.tempDir("upload").resolve("city-map.bin"), map);
        logIn();

        browser.find("#package-name").sendKeys("city-map");
        browser.find("#package-version").sendKeys("3.1");
        new Select(browser.find("#package-kind")).selectByValue("file");
        browser.find("#package-file").sendKeys(file.toString());
        browser.find("#upload-package button").click();
        browser.waitFor(driver -> "Package city-map@3.1 uploaded (716800 bytes).".equals(text(".notice")));

        browser.find("#name").sendKeys("Maps <i>3.1</i>");
        new Select(browser.find("#package")).selectByValue("city-map@3.1");
        browser.find("#devices").sendKeys("paged-truck");
        browser.find("#canary").clear();
        browser.find("#canary").sendKeys("0");
        browser.find("#new-rollout button").click();
        browser.waitFor(driver -> "Rollout Maps <i>3.1</i> started.".equals(text(".notice")));
        browser.mark();
        browser.waitFor(driver -> "1 succeeded".equals(text("#rollouts .states")) && "COMPLETED".equals(text("#rollouts .status")));
        assertThat(browser.stillMarked()).as("followed live, without a reload").isTrue();
        assertThat(Files.readAllBytes(truckDir.resolve("files/city-map"))).isEqualTo(map);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static void logIn() throws Exception {
        browser = new Browser(platform.baseUrl());
        browser.open("/rollouts");
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/login"));
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys(platform.initialAdminPassword(), Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/rollouts")); // back where the login interrupted
    }

    private static String text(String css) {
        return browser.all(css).isEmpty() ? null : browser.text(css);
    }
}
