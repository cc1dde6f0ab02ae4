package io.balance.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver (nothing is downloaded), one fresh profile per
 * browser so that sessionStorage (the token) starts empty. Screenshots go to target/console-screenshots/. Without
 * chromium the test fails in CI (CI=true) and is skipped loudly elsewhere, as survey-service's PhoneBrowserTest does.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base, int width, int height) {
        ChromeDriver driver = HeadlessChromium.open("the console's browser tests", width, height);
        return new Browser(driver, base.replaceAll("/$", ""));
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement el(String css) {
        return waitFor("element " + css, d -> !d.findElements(By.cssSelector(css)).isEmpty())
                .findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebDriver waitFor(String what, Predicate<WebDriver> condition) {
        // a page that reloads replaces its elements: a stale or missing one is only "not yet"
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(condition::test);
        return driver;
    }

    void waitForText(String text) {
        waitFor("text '" + text + "'", d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void signIn(String username, String password) {
        el("#username").sendKeys(username);
        el("#password").sendKeys(password);
        el("#signin-form button[type=submit]").click();
        waitFor("signed in", d -> d.findElements(By.id("signin-form")).isEmpty());
    }

    void type(String css, String value) {
        WebElement input = el(css);
        input.clear();
        input.sendKeys(value);
    }

    void click(String css) {
        WebElement e = el(css);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    /** The whole page, not only the viewport. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone's viewport (a headless window cannot be narrower than 500 px; the page is emulated instead). */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Every chart has drawn something: each ECharts canvas holds at least one non-transparent pixel. */
    void assertChartsDrawn(int atLeast) {
        waitFor(atLeast + " charts", d -> d.findElements(By.cssSelector(".chart canvas")).size() >= atLeast);
        waitFor("charts drawn", d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("""
                const canvases = [...document.querySelectorAll('.chart canvas')];
                return canvases.length > 0 && canvases.every((c) => {
                  if (!c.width || !c.height) { return false; }
                  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { return true; } }
                  return false;
                });""")));
    }

    /** Downloads of this browser go to target/console-downloads/{name}/ (created empty); returns it. */
    Path downloadsTo(String name) {
        Path dir = Path.of("target", "console-downloads", name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toString()));
        return dir;
    }

    /** The page fits the window: no horizontal scrolling. */
    void assertFitsWidth(int width) {
        Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= width, "page wider than " + width + " px: " + scrollWidth);
    }

    /** No error in the browser's console, apart from the expected answers listed (e.g. a deliberate 4xx). */
    void assertNoConsoleErrors(String... expected) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> java.util.Arrays.stream(expected).noneMatch(m::contains)).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
