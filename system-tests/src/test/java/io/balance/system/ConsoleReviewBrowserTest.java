package io.balance.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's supervising journeys in real Chromium, through the gateway only, in a county of its own (宜阳县
 * 410327, two schools whose approved fixture reports miss R5 sports area per pupil): the county rectifies the R5
 * problem of school 2 (department, evidence, note) once a corrected report shows it met, and a reviewer of the
 * city verifies it (销号); the county submits its self-evaluation, the city and the province pass it, the province
 * publishes it, and the public announcement {@code /p/410327/2025} reads on a 390 px phone. Then the pages around
 * them: the city's roll-up with each county's stage, the findings form a missing input leads to, the survey page, a
 * refused token back to sign-in, an inspection, a reopened problem. Every page is screenshotted under
 * target/console-screenshots/ (the system-tests README lists what each test checks).
 */
@ExtendWith(SystemStack.class)
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleReviewBrowserTest {
    static final String COUNTY = "410327";
    static final String SCHOOL = "4103270001";
    static final String FIXED = "4103270002";
    static final int YEAR = World.YEAR;
    static final String REVIEWER = "console-rev-410300";

    static String base;
    static String county;
    static String province;
    static long problemId;

    @BeforeAll
    static void county() {
        base = SystemStack.stack().service("gateway").url();
        World.Side a = SystemStack.world().a;
        province = a.tokens.get(Role.PROVINCE_ADMIN);
        World.put(province, "/api/v1/jurisdictions/" + COUNTY, Map.of("name", "宜阳县", "level", "COUNTY",
                "parentCode", a.city, "residentPopulation", 480000));
        World.put(province, "/api/v1/schools/" + SCHOOL, World.school(COUNTY, "宜阳县实验小学"));
        World.put(province, "/api/v1/schools/" + FIXED, World.school(COUNTY, "宜阳县第二小学"));
        ConsoleBrowserTest.createUser(province, "ca-" + COUNTY, Role.COUNTY_ADMIN, COUNTY);
        ConsoleBrowserTest.createUser(province, REVIEWER, Role.REVIEWER, a.city);
        county = World.signIn("ca-" + COUNTY, World.PASSWORD);
        for (String school : List.of(SCHOOL, FIXED)) {
            approve(school, World.resource("fixture/report.json"));
        }
    }

    /** The county writes, submits and approves a report (a new revision when one was approved before). */
    static void approve(String school, String report) {
        String path = "/api/v1/schools/" + school + "/reports/" + YEAR;
        int put = World.as(county).contentType(ContentType.JSON).body(report).put(path).statusCode();
        assertTrue(put == 200 || put == 201, "PUT " + path + " answered " + put);
        World.as(county).post(path + "/submit").then().statusCode(200);
        World.as(county).post(path + "/approve").then().statusCode(200);
    }

    static <T> T await(String what, Callable<T> value, java.util.function.Predicate<T> done) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(value, done::test);
    }

    static JsonPath problem(long id) {
        return World.as(county).get("/api/v1/problems/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void theCountyRectifiesAndAReviewerOfTheCityVerifies() throws IOException {
        // the evaluation (Kafka) puts school 2's R5 gap into the ledger; a corrected report shows it met
        String list = "/api/v1/counties/" + COUNTY + "/problems?year=" + YEAR + "&schoolCode=" + FIXED + "&source=EVALUATION";
        Number id = await("school 2's R5 problem", () -> World.as(county).get(list).then().statusCode(200).extract()
                .<Number>path("items.find { it.ref == 'R5' }.id"), java.util.Objects::nonNull);
        problemId = id.longValue();
        assertEquals("NOT_MET", problem(problemId).getString("dataStatus"));
        // 16,200 m² for 2,150 pupils: 7.53 m² each, over the standard of 7.5
        approve(FIXED, World.resource("fixture/report.json").replace("\"sportsAreaM2\" : 8868.8", "\"sportsAreaM2\" : 16200"));
        await("the new evaluation shows R5 met", () -> problem(problemId).getString("dataStatus"), "MET"::equals);

        Path evidence = Files.createTempFile("sports-ground-", ".png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", evidence.toFile());
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/problems?year=" + YEAR);
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            // the filters: this school's problems found by the evaluation
            b.type("#filters [name=schoolCode]", FIXED);
            b.js("arguments[0].value = 'EVALUATION'", b.el("#filter-source"));
            b.click("#filters button[type=submit]");
            b.waitFor("filtered", d -> d.getCurrentUrl().contains("schoolCode=" + FIXED));
            String table = b.el(".problems-table").getText();
            assertTrue(table.contains("宜阳县第二小学") && !table.contains("宜阳县实验小学"), table);
            b.screenshot("4-ledger-filtered");
            b.click(".open-problem[data-id='" + problemId + "']");
            // assignment, evidence, then 已整改 with a note
            b.js("arguments[0].value = 'EDU'", b.el("#assign-form [name=department]"));
            b.type("#assign-form [name=owner]", "李明");
            b.click("#assign-form button[type=submit]");
            b.waitFor("assigned", d -> b.el("#problem-detail h2").getText().contains("整改中"));
            b.el("#evidence-file").sendKeys(evidence.toAbsolutePath().toString());
            b.click("#upload-evidence");
            b.waitFor("evidence listed", d -> b.el("#evidence-list").getText().contains(evidence.getFileName().toString()));
            b.type("#problem-note", "新建运动场 7,331.2 平方米，已验收");
            b.click("#action-rectified");
            b.waitFor("rectified", d -> b.el("#problem-detail h2").getText().contains("已整改待核"));
            assertTrue(b.all("#action-verify").isEmpty(), "the county is offered no 销号 of its own problem");
            b.screenshot("4-ledger-rectified");
            b.assertNoConsoleErrors();
        }
        JsonPath rectified = problem(problemId);
        assertEquals("RECTIFIED", rectified.getString("status"));
        assertEquals("EDU", rectified.getString("department"));
        assertEquals(1, rectified.getList("evidence").size());

        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/problems?year=" + YEAR + "&problem=" + problemId);
            b.signIn(REVIEWER, World.PASSWORD);
            b.waitFor("the problem opened", d -> b.el("#problem-detail").getText().contains("MET"));
            assertTrue(b.el("#evidence-list").getText().contains(evidence.getFileName().toString()));
            b.type("#problem-note", "现场核验：运动场已建成，数据达标");
            b.click("#action-verify");
            b.waitFor("verified", d -> b.el("#problem-detail h2").getText().contains("已销号"));
            b.screenshot("4-ledger-verified");
            // the export: the whole ledger as XLSX, downloaded by the page with the token
            Path downloads = b.downloadsTo("ledger");
            b.click("#export-xlsx");
            Path xlsx = downloads.resolve("problems-" + COUNTY + "-" + YEAR + ".xlsx");
            b.waitFor("XLSX downloaded", d -> Files.exists(xlsx) && xlsx.toFile().length() > 100);
            byte[] head = Files.readAllBytes(xlsx);
            assertTrue(head[0] == 'P' && head[1] == 'K', "an XLSX is a ZIP");
            // the evidence file, downloaded with the token, is the PNG the county uploaded
            b.click("#evidence-list button");
            Path png = downloads.resolve(evidence.getFileName());
            b.waitFor("evidence downloaded", d -> Files.exists(png) && png.toFile().length() == evidence.toFile().length());
            assertArrayEquals(Files.readAllBytes(evidence), Files.readAllBytes(png));
            b.phone(390, 844);
            b.go("/console/counties/" + COUNTY + "/problems?year=" + YEAR + "&problem=" + problemId);
            b.el("#problem-detail h2");
            b.assertFitsWidth(390);
            b.screenshot("4-ledger-390px");
            b.assertNoConsoleErrors();
        }
        JsonPath verified = problem(problemId);
        assertEquals("VERIFIED", verified.getString("status"));
        assertEquals(REVIEWER, verified.getString("history[-1].actor"));
        assertEquals("现场核验：运动场已建成，数据达标", verified.getString("history[-1].note"));
    }

    @Test
    @Order(2)
    void theReviewPassesEveryLevelAndThePublicAnnouncementReadsOnAPhone() {
        String reviews = "/console/counties/" + COUNTY + "/reviews/" + YEAR;
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go(reviews);
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            b.waitForText("尚未提交自评");
            b.type("#submit-comments", "县级自评完成");
            b.click("#submit-self");
            b.waitFor("city review", d -> b.el("#review-state").getText().contains("市级复核"));
            assertTrue(b.all("#decide-pass").isEmpty(), "the county decides no stage of its own");
            b.screenshot("5-review-submitted");
            b.assertNoConsoleErrors();
        }
        decide(REVIEWER, "省级评估", "市级复核通过");
        decide("pa-" + SystemStack.world().a.province, "待公示", "省级评估通过");
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go(reviews);
            b.signIn("pa-" + SystemStack.world().a.province, World.PASSWORD);
            b.type("#publish-days", "5");
            b.click("#publish");
            b.waitFor("published", d -> b.el("#review-state").getText().contains("公示 PUBLICATION"));
            String history = b.el(".history-table").getText();
            assertTrue(history.contains("提交自评") && history.contains(REVIEWER) && history.contains("发布公示"), history);
            assertEquals(3, b.all(".snapshots-table tbody tr").size(), "submission and both passes froze a snapshot");
            b.screenshot("5-review-published");
            // the snapshot of record, downloaded: its SHA-256 is the digest the page shows
            Path downloads = b.downloadsTo("snapshots");
            b.click(".snapshots-table tbody tr:last-child .snapshot-download");
            Path v3 = downloads.resolve("snapshot-" + COUNTY + "-" + YEAR + "-v3.json");
            b.waitFor("snapshot downloaded", d -> Files.exists(v3) && v3.toFile().length() > 0);
            assertEquals(b.el(".snapshots-table tbody tr:last-child .snapshot-download").getAttribute("title"), sha256(v3));
            b.phone(390, 844);
            b.go(reviews);
            b.el("#review-state");
            b.assertFitsWidth(390);
            b.screenshot("5-review-published-390px");
            b.assertNoConsoleErrors();
        }
        JsonPath review = World.as(county).get("/api/v1/counties/" + COUNTY + "/reviews/" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("PUBLICATION", review.getString("stage"));

        // the public page through the gateway, no sign-in, on a phone
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.phone(390, 844);
            b.go("/p/" + COUNTY + "/" + YEAR);
            b.waitForText("县域义务教育均衡发展督导评估公示");
            String text = b.text();
            assertTrue(text.contains("评估结论") && text.contains("正在受理异议") && text.contains("提交异议"), text);
            assertTrue(text.matches("(?s).*已销号\\s*1\\s*项.*"), text);
            b.assertFitsWidth(390);
            assertFalse(b.all("label[for=text]").isEmpty(), "the objection form is labelled");
            b.screenshot("5-public-page-390px");
            // the server-rendered page has no icon: the browser's own favicon request is not the page's error
            b.assertNoConsoleErrors("favicon.ico");
        }
    }

    @Test
    @Order(3)
    void theCitysRollUpShowsTheCountysStage() {
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/rollups/" + SystemStack.world().a.city + "/" + YEAR);
            b.signIn(REVIEWER, World.PASSWORD);
            // indicator-service learns the stage from supervision.reviews.v1 (Kafka): reload until it has
            b.waitFor("the roll-up shows 宜阳县 at 公示", d -> {
                if (b.all(".rollup-table").isEmpty()) {
                    return false;
                }
                boolean shown = b.all(".rollup-table tbody tr").stream()
                        .anyMatch(e -> e.getText().contains("宜阳县") && e.getText().contains("公示"));
                if (!shown) {
                    d.navigate().refresh();
                }
                return shown;
            });
            assertTrue(b.el(".rollup-table").getText().contains("未启动"), "a county whose review has not begun: 未启动");
            assertTrue(b.el("#rollup-stages").getText().contains("公示 1"), b.el("#rollup-stages").getText());
            b.assertChartsDrawn(1);
            b.screenshot("6-rollup");
            b.assertNoConsoleErrors();
            b.phone(390, 844);
            b.go("/console/rollups/" + SystemStack.world().a.city + "/" + YEAR);
            b.assertChartsDrawn(1);
            b.assertFitsWidth(390);
            b.screenshot("6-rollup-390px");
        }
    }

    @Test
    @Order(4)
    void aMissingInputOnTheDashboardLeadsToTheFindingsForm() {
        String evaluation = "/api/v1/counties/" + COUNTY + "/evaluations/" + YEAR;
        List<String> missing = World.as(county).get(evaluation).then().statusCode(200).extract().path("missingInputs");
        assertTrue(missing.contains("findings.G1"), missing.toString());
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/" + YEAR);
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            b.el("#todo");
            b.js("document.querySelectorAll('#view details').forEach((d) => { d.open = true; })");
            b.click("a[href$='/findings/" + YEAR + "?input=findings.G1']");
            b.waitFor("the G1 field has the focus", d -> "f-findings-G1-met".equals(b.js("return document.activeElement.id")));
            assertTrue(b.all("#missing-inputs li").stream().anyMatch(e -> e.getText().equals("findings.G1")));
            // G1 met, citing evidence E1 that is not listed yet: the API names the field, the page shows it there
            b.js("arguments[0].value = 'true'", b.el("#f-findings-G1-met"));
            b.type("#f-findings-G1-evidence", "E1");
            b.click("#save-findings");
            b.waitFor("inline error", d -> "true".equals(b.el("#f-findings-G1-evidence").getAttribute("aria-invalid")));
            assertTrue(b.el("#f-findings-G1-evidence ~ .field-error").getText().contains("E1"));
            b.screenshot("7-findings-inline-error");
            b.type("#f-evidence-0-id", "E1");
            b.type("#f-evidence-0-title", "县域义务教育学校布局规划（2021—2025）");
            b.click("#save-findings");
            b.waitFor("saved", d -> b.el("#findings-version").getText().contains("第 1 版"));
            // (findings.G10 still is: the items are compared whole)
            b.waitFor("G1 no longer missing", d -> b.all("#missing-inputs li").stream().noneMatch(e -> e.getText().equals("findings.G1"))
                    && b.all("#missing-inputs li").stream().anyMatch(e -> e.getText().equals("findings.G10")));
            b.screenshot("7-findings-saved");
            // the deliberate 400, and the API's 404 for findings not recorded yet (the page reads it as 尚未填报)
            b.assertNoConsoleErrors("status of 400", "/findings/" + YEAR + " - Failed to load resource: the server responded with a status of 404");
            b.phone(390, 844);
            b.go("/console/counties/" + COUNTY + "/findings/" + YEAR);
            b.el("#findings-form");
            b.assertFitsWidth(390);
            b.screenshot("7-findings-390px");
        }
        JsonPath stored = World.as(county).get("/api/v1/counties/" + COUNTY + "/findings/" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(stored.getBoolean("findings.G1.met"));
        assertEquals(List.of("E1"), stored.getList("findings.G1.evidence"));
        assertFalse(World.as(county).get(evaluation).then().extract().<List<String>>path("missingInputs").contains("findings.G1"));
    }

    @Test
    @Order(5)
    void theSurveyPageAndAnExpiredSessionReturnToSignIn() {
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/surveys/" + SystemStack.world().a.surveyId);
            b.signIn("pa-" + SystemStack.world().a.province, World.PASSWORD);
            b.el("#survey-status");
            b.screenshot("8-survey");
            b.assertNoConsoleErrors();
            // a token the services refuse (here: signed by nobody) ends the session: back to the sign-in form
            b.js("sessionStorage.setItem('balance.token', 'e30.' + btoa(JSON.stringify({ upn: 'x', groups: ['COUNTY_ADMIN'],"
                    + " jurisdiction: '" + COUNTY + "', exp: 4102444800 })).replace(/=+$/, '') + '.c2ln')");
            b.go("/console/counties/" + COUNTY + "/problems?year=" + YEAR);
            b.el("#signin-form");
            b.waitForText("请重新登录");
            b.screenshot("8-session-ended");
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            b.el(".problems-table");
        }
    }

    @Test
    @Order(6)
    void aReviewerRecordsAnInspectionAndTheCountyReopensAProblem() {
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/reviews/" + YEAR);
            b.signIn(REVIEWER, World.PASSWORD);
            // 2,000 pupils seen against 2,150 reported: 7 % off, beyond the 5 % tolerance → an INSPECTION problem
            b.type("#inspection-form [name=schoolCode]", SCHOOL);
            b.type("#inspection-form [name=inspector]", "王督学");
            b.js("arguments[0].value = '2025-11-20'", b.el("#inspection-form [name=date]"));
            b.js("arguments[0].value = 'students.PRIMARY'", b.el("#inspection-form .obs-field"));
            b.type("#inspection-form .obs-value", "2000");
            b.click("#inspection-form button[type=submit]");
            b.waitFor("the difference listed", d -> b.el(".inspections-table").getText().contains("students.PRIMARY"));
            String row = b.el(".inspections-table").getText();
            assertTrue(row.contains("2,150") && row.contains("2,000") && row.contains("-7"), row);
            b.screenshot("9-inspection");
            b.assertNoConsoleErrors();
        }
        List<Map<String, Object>> inspection = World.as(county).get("/api/v1/counties/" + COUNTY + "/problems?year=" + YEAR
                + "&source=INSPECTION").then().statusCode(200).extract().path("items");
        assertEquals(1, inspection.size(), inspection.toString());

        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/problems?year=" + YEAR + "&problem=" + problemId);
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            b.waitFor("the verified problem", d -> b.el("#problem-detail h2").getText().contains("已销号"));
            b.type("#problem-note", "复查发现运动场被占用，重新整改");
            b.click("#action-reopen");
            b.waitFor("reopened", d -> b.el("#problem-detail h2").getText().contains("重新打开"));
            b.screenshot("9-ledger-reopened");
            b.assertNoConsoleErrors();
        }
        assertEquals("REOPENED", problem(problemId).getString("status"));
    }

    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A supervising person passes the stage the county is at through the review page. */
    static void decide(String username, String nextStage, String comments) {
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/reviews/" + YEAR);
            b.signIn(username, World.PASSWORD);
            b.type("#decision-comments", comments);
            b.click("#decide-pass");
            b.waitFor(nextStage, d -> b.el("#review-state").getText().contains(nextStage));
            b.screenshot("5-review-" + username);
            b.assertNoConsoleErrors();
        }
    }
}
