package io.fleetmesh.systemtests;

import io.fleetmesh.devkit.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (devkit's {@link HeadlessChromium}: Debian's, never leaving loopback). Screenshots go to
 * {@code target/screenshots}, the test run's artifacts.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    Browser(String base) throws IOException {
        this.base = base;
        downloads = Files.createTempDirectory("fleetmesh-downloads");
        driver = HeadlessChromium.start(1280, 1600, downloads);
    }

    /** A file the page saved, once Chromium has finished writing it. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        return waitFor(driver -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")) ? file : null);
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Until the condition holds; an element the page's script re-drew meanwhile (a live row) is looked up again. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Platform.patience(), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Marks the loaded document: a reload would lose the mark. */
    void mark() {
        script("window.fleetmeshTestMark = 'still the same page';");
    }

    boolean stillMarked() {
        return "still the same page".equals(script("return window.fleetmeshTestMark;"));
    }

    /** Form fields (visible or not) that have neither a label nor an aria-label, as "tag#id" strings. */
    @SuppressWarnings("unchecked")
    List<String> unlabelledFields() {
        return (List<String>) script("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                  .filter(f => f.labels.length === 0 && !f.getAttribute('aria-label'))
                  .map(f => f.tagName.toLowerCase() + '#' + f.id);""");
    }

    /** The window's size: a phone in a cab is 390 × 844, a control room's screen 1400 × 900. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /**
     * The elements that stick out of the window on the right, as "tag.class" strings (a phone user would have to
     * scroll the page sideways to read them); what a scrolling box holds inside it does not count.
     */
    @SuppressWarnings("unchecked")
    List<String> overflowingSideways() {
        return (List<String>) script("""
                const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
                  return false; };
                return Array.from(document.body.querySelectorAll('*'))
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !inScroller(e))
                  .map(e => e.tagName.toLowerCase() + '.' + e.className);""");
    }

    /** Console errors (script errors, CSP violations, failed loads) since the last call, but the favicon's. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(message -> !message.contains("favicon"))
                .toList();
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
