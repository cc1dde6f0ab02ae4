package io.balance.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver (nothing is downloaded), with a fresh profile, Chinese
 * first, at a given window size: the one way every module's real-browser test opens a browser. Without chromium
 * the test fails in CI ({@code CI=true}) and is skipped loudly elsewhere. Needs Selenium on the test classpath
 * (embedded-infra declares it optional).
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** A browser of {@code width}×{@code height} CSS pixels whose console log can be read ({@code LogType.BROWSER}). */
    public static ChromeDriver open(String testName, int width, int height) {
        String chromium = find("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        String driverPath = find("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || driverPath == null) {
            String message = testName + " needs Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver); found browser=" + chromium + " driver=" + driverPath;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            System.err.println("\n\n!!!!! SKIPPING A REAL-BROWSER TEST: " + message + " !!!!!\n\n");
            Assumptions.abort(message);
        }
        String profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath)).usingAnyFreePort().build(), options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String find(String... paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }
}
