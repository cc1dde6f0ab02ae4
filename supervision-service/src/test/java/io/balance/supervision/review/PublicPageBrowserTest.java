package io.balance.supervision.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.HeadlessChromium;
import io.balance.supervision.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public announcement on a phone: headless Debian Chromium at 390 px opens {@code /p/{county}/{year}}, reads
 * the verdict and the CVs without horizontal scrolling, and lodges an objection with the page's plain form.
 * Screenshots go to {@code target/browser/}. Without chromium the test fails in CI and is skipped loudly elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class PublicPageBrowserTest {
    static final Path ARTIFACTS = Path.of("target", "browser");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theAnnouncementReadsOnAPhoneAndTakesAnObjection() throws Exception {
        String county = "997709"; // under the test reviewers' city 997700
        ReviewFlowTest.evaluated(county, 1, "PASS", true);
        new ReviewFlowTest().throughProvince(county, Tokens.of("county-admin-709", "COUNTY_ADMIN", county));

        ChromeDriver driver = HeadlessChromium.open("PublicPageBrowserTest", 390, 844);
        try {
            driver.get(base.toString().replaceAll("/$", "") + "/p/" + county + "/2025");
            assertTrue(driver.getTitle().contains("公示"), driver.getTitle());
            assertTrue(driver.findElement(By.cssSelector(".verdict strong")).getText().contains("达标"));
            assertEquals("0.3100", driver.findElement(By.cssSelector("tbody tr td:nth-child(3)")).getText());
            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= 390, "page wider than the phone: " + scrollWidth);
            Files.createDirectories(ARTIFACTS);
            Files.write(ARTIFACTS.resolve("publication-390.png"), driver.getScreenshotAs(OutputType.BYTES));

            driver.findElement(By.id("text")).sendKeys("第一小学运动场面积与实际不符");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("异议已收到"));
            Files.write(ARTIFACTS.resolve("objection-received-390.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}
