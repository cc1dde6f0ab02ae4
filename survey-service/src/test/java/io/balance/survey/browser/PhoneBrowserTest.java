package io.balance.survey.browser;

import static io.balance.survey.Fixtures.invite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.HeadlessChromium;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A respondent on a phone: headless Chromium at 360 × 740 opens an invitation link, answers every item by
 * tapping, submits and sees the thank-you page, in embedded-infra's HeadlessChromium (the system chromium, nothing
 * downloaded; without it the test fails in CI and is skipped loudly elsewhere).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class PhoneBrowserTest {
    static final String COUNTY = "419941";
    static final Path ARTIFACTS = Path.of("target", "browser");

    @TestHTTPResource("/")
    URL base;

    @Test
    void respondentAnswersOnAPhone() throws Exception {
        Fixtures.standardCounty(COUNTY, 300_000);
        String survey = Fixtures.openSurvey(COUNTY, 2025);
        String code = invite(survey, COUNTY + "0001", "PARENT", 1).get(0);

        ChromeDriver driver = HeadlessChromium.open("PhoneBrowserTest", 360, 740);
        try {
            driver.get(base.toString().replaceAll("/$", "") + "/s/" + code);
            assertTrue(driver.getTitle().contains("社会卷"), driver.getTitle());
            Files.createDirectories(ARTIFACTS);
            Files.write(ARTIFACTS.resolve("questionnaire.png"), driver.getScreenshotAs(OutputType.BYTES));
            // the page fits the phone: no horizontal scrolling
            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= 360, "page wider than the phone: " + scrollWidth);

            List<WebElement> fieldsets = driver.findElements(By.tagName("fieldset"));
            assertEquals(10, fieldsets.size());
            String[] pick = {"RECOGNISE", "MOSTLY", "RECOGNISE", "NOT", "UNKNOWN"};
            for (int i = 0; i < fieldsets.size(); i++) {
                WebElement label = fieldsets.get(i).findElement(By.cssSelector("label[for$='_" + pick[i % 5] + "']"));
                assertTrue(label.getSize().getHeight() >= 44, "touch target too small: " + label.getSize());
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
                label.click();
            }
            WebElement submit = driver.findElement(By.id("submit"));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
            submit.click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("谢谢您的参与"));
            assertEquals("提交成功", driver.getTitle());
            Files.write(ARTIFACTS.resolve("thank-you.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            // scanned again: the page says only that the code was used
            driver.get(base.toString().replaceAll("/$", "") + "/s/" + code);
            assertTrue(driver.getPageSource().contains("邀请码已使用"), driver.getPageSource());
            assertTrue(driver.findElements(By.tagName("form")).isEmpty());
        } finally {
            driver.quit();
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM response WHERE invitation = sha256(convert_to('"
                + code + "', 'UTF8')) AND answers->>'P02' = 'MOSTLY' AND answers->>'P05' = 'UNKNOWN'"));
    }
}
