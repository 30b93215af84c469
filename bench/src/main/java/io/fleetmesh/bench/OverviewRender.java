package io.fleetmesh.bench;

import io.fleetmesh.devkit.HeadlessChromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The overview page in Debian's headless Chromium with the whole fleet on its map: the time from navigation start to
 * the moment every marker is on the map, as the page marks it on the browser's performance timeline
 * ({@code fleetmesh:markers-drawn}), after the positions arrived and were clustered. The map has no tiles here: the
 * figure is the page's own work, not a tile server's.
 */
final class OverviewRender {

    private OverviewRender() {
    }

    /** Each load's milliseconds to markers drawn, after one warm-up load. */
    static List<Double> times(String base, int loads, long markers) throws Exception {
        ChromeDriver chromium = HeadlessChromium.start(1400, 900);
        try {
            logIn(chromium, base);
            List<Double> times = new ArrayList<>();
            for (int load = 0; load <= loads; load++) {
                chromium.get(base + "/");
                double drawn = drawnAt(chromium);
                check(chromium, markers);
                if (load > 0) {
                    times.add(drawn);
                }
            }
            return times;
        } finally {
            chromium.quit();
        }
    }

    private static void logIn(ChromeDriver chromium, String base) {
        chromium.get(base + "/login");
        chromium.findElement(By.id("username")).sendKeys("admin");
        chromium.findElement(By.id("password")).sendKeys(BenchPlatform.ADMIN_PASSWORD + "\n");
        new WebDriverWait(chromium, Duration.ofSeconds(30)).until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    private static double drawnAt(ChromeDriver chromium) {
        Object at = new WebDriverWait(chromium, Duration.ofSeconds(120), Duration.ofMillis(20)).until(driver ->
                ((JavascriptExecutor) driver).executeScript("const m = performance.getEntriesByName("
                        + "'fleetmesh:markers-drawn'); return m.length ? m[0].startTime : null;"));
        return ((Number) at).doubleValue();
    }

    /** The map holds every located device (clusters included), or the figure is not the one asked for. */
    private static void check(ChromeDriver chromium, long markers) {
        Object shown = ((JavascriptExecutor) chromium).executeScript("const m = document.getElementById('map');"
                + " return m ? m.dataset.markers : location.href;");
        if (!String.valueOf(markers).equals(shown)) {
            throw new IllegalStateException("the map shows " + shown + " markers, the fleet has " + markers + " located");
        }
    }
}
