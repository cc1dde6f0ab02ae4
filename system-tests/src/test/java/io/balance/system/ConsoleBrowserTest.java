package io.balance.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's journeys in real Chromium against the whole stack, through the gateway only: a school reporter
 * fixes a validation error and submits; the county sees the change against the approved revision, approves, and
 * the dashboard's charts draw the new figures; an import with a bad row shows that row's error. A county of its
 * own (偃师市 410381) keeps the other system tests' fixture untouched. Screenshots: target/console-screenshots/.
 */
@ExtendWith(SystemStack.class)
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String COUNTY = "410381";
    static final String SCHOOL = "4103810001";
    static final String OTHER = "4103810002";
    static final int YEAR = World.YEAR;
    /** The fixture report has 2150 primary pupils in 42 classes (8 of 52, 34 of 51). */
    static final int STUDENTS = 2150;

    static String base;
    static String county;

    @BeforeAll
    static void county() {
        base = SystemStack.stack().service("gateway").url();
        World.Side a = SystemStack.world().a;
        String province = a.tokens.get(Role.PROVINCE_ADMIN);
        World.put(province, "/api/v1/jurisdictions/" + COUNTY, Map.of("name", "偃师市", "level", "COUNTY",
                "parentCode", a.city, "residentPopulation", 440000));
        World.put(province, "/api/v1/schools/" + SCHOOL, World.school(COUNTY, "偃师市实验小学"));
        World.put(province, "/api/v1/schools/" + OTHER, World.school(COUNTY, "偃师市第二小学"));
        createUser(province, "ca-" + COUNTY, Role.COUNTY_ADMIN, COUNTY);
        county = World.signIn("ca-" + COUNTY, World.PASSWORD);
        createUser(county, "rep-" + SCHOOL, Role.SCHOOL_REPORTER, SCHOOL);
        // both schools' reports approved once (revision 1): what the reporter changes is then a new revision
        String report = World.resource("fixture/report.json");
        for (String school : List.of(SCHOOL, OTHER)) {
            String path = "/api/v1/schools/" + school + "/reports/" + YEAR;
            World.as(county).contentType(ContentType.JSON).body(report).put(path).then().statusCode(201);
            World.as(county).post(path + "/submit").then().statusCode(200);
            World.as(county).post(path + "/approve").then().statusCode(200);
        }
    }

    @Test
    @Order(1)
    void reporterFixesAValidationErrorAndSubmits() {
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/schools/" + SCHOOL + "/reports/" + YEAR);
            b.signIn("rep-" + SCHOOL, World.PASSWORD);
            b.waitForText("偃师市实验小学");
            assertEquals(Integer.toString(STUDENTS), b.el("[data-field='students.PRIMARY']").getAttribute("value"));

            // one more pupil, class sizes not updated: the API names the field and the page shows it there
            b.type("[data-field='students.PRIMARY']", Integer.toString(STUDENTS + 1));
            b.click("#save-draft");
            b.waitFor("inline error", d -> "true".equals(b.el("[data-field='classSizes.PRIMARY']").getAttribute("aria-invalid")));
            String error = b.el("[data-field='classSizes.PRIMARY'] ~ .field-error").getText();
            assertTrue(error.contains("2150") && error.contains("2151"), error);
            b.screenshot("1-report-form-inline-error");

            // the fix: the last class has one more pupil; then submit
            String sizes = b.el("[data-field='classSizes.PRIMARY']").getAttribute("value");
            b.type("[data-field='classSizes.PRIMARY']", sizes.substring(0, sizes.length() - 2) + "52");
            b.click("#submit-report");
            b.waitFor("submitted", d -> b.el("#report-status").getText().contains("已提交"));
            b.screenshot("1-report-form-submitted");
            b.assertNoConsoleErrors("status of 400");
        }
        JsonPath current = World.as(county).get("/api/v1/schools/" + SCHOOL + "/reports/" + YEAR).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("SUBMITTED", current.getString("status"));
        assertEquals(2, current.getInt("revision"));
        assertEquals(STUDENTS + 1, current.getInt("report.students.PRIMARY"));
    }

    @Test
    @Order(2)
    void countyApprovesAndTheDashboardDrawsTheNewFigures() {
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/reports/" + YEAR);
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            String card = "article[data-school='" + SCHOOL + "']";
            b.el(card);
            // the changes against the approved revision are highlighted: pupils and class sizes
            List<String> changed = b.all(card + " tr.changed td:first-child").stream().map(e -> e.getText()).toList();
            assertEquals(2, changed.size(), changed.toString());
            assertTrue(changed.stream().anyMatch(t -> t.contains("students.PRIMARY")), changed.toString());
            assertTrue(changed.stream().anyMatch(t -> t.contains("classSizes.PRIMARY")), changed.toString());
            b.screenshot("2-review-queue-diff");
            b.click(card + " button.approve");
            b.el("#queue-empty");

            // the evaluation follows through Kafka; the dashboard shows the new pupil count and draws its charts
            Awaitility.await("the evaluation counts the new revision").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> Integer.valueOf(STUDENTS + 1).equals(
                            World.as(county).get("/api/v1/counties/" + COUNTY + "/evaluations/" + YEAR).then()
                                    .extract().path("stages.PRIMARY.schools.find { it.schoolCode == '" + SCHOOL + "' }.students")));
            b.go("/console/counties/" + COUNTY + "/" + YEAR);
            b.waitForText(YEAR + " 学年 县域看板");
            assertTrue(b.el(".schools-table").getText().contains("2,151"), b.el(".schools-table").getText());
            b.assertChartsDrawn(5);
            b.screenshot("2-dashboard");
            b.assertNoConsoleErrors();
            b.phone(390, 844);
            b.go("/console/counties/" + COUNTY + "/" + YEAR);
            b.assertChartsDrawn(5);
            b.assertFitsWidth(390);
            b.screenshot("2-dashboard-390px");
        }
        assertEquals("APPROVED", World.as(county).get("/api/v1/schools/" + SCHOOL + "/reports/" + YEAR).then()
                .statusCode(200).extract().path("status"));
    }

    @Test
    @Order(3)
    void importWithABadRowShowsTheRowsError() throws IOException {
        Path csv = importFile();
        try (Browser b = Browser.open(base, 1280, 900)) {
            b.go("/console/counties/" + COUNTY + "/reports/" + YEAR);
            b.signIn("ca-" + COUNTY, World.PASSWORD);
            b.el("#import-file").sendKeys(csv.toAbsolutePath().toString());
            b.click("#import-form button[type=submit]");
            b.waitFor("import done", d -> b.el("#import-status").getText().contains("DONE"));
            String status = b.el("#import-status").getText();
            assertTrue(status.contains("接受 accepted 1") && status.contains("拒绝 rejected 1"), status);
            String errors = b.el("#import-errors").getText();
            assertTrue(errors.contains("4103810004") && errors.contains("2151"), errors);
            b.screenshot("3-import-row-error");
            b.assertNoConsoleErrors();
        }
        World.as(county).get("/api/v1/schools/4103810003/reports/" + YEAR).then().statusCode(200);
        World.as(county).get("/api/v1/schools/4103810004").then().statusCode(404);
    }

    /** Two rows in the template's Chinese-header layout: a good school and one whose class sizes miss a pupil. */
    static Path importFile() throws IOException {
        Path root = Path.of(System.getProperty("balance.repo.root", "..")).toAbsolutePath().normalize();
        List<String> demo = Files.readAllLines(root.resolve("demo/import/999901-2025.csv"), StandardCharsets.UTF_8);
        String good = demo.get(1).replaceFirst("^1199990101,伊水县实验小学,", "4103810003,偃师市第三小学,");
        String bad = demo.get(1).replaceFirst("^1199990101,伊水县实验小学,小学,城区,是,否,2150,",
                "4103810004,偃师市第四小学,小学,城区,是,否,2151,");
        assertTrue(good.startsWith("4103810003,") && bad.startsWith("4103810004,") && bad.contains(",2151,"), bad);
        Path file = Files.createTempFile("console-import-", ".csv");
        Files.writeString(file, String.join("\n", demo.get(0), good, bad) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static void createUser(String creator, String username, Role role, String jurisdiction) {
        World.as(creator).contentType(ContentType.JSON).body(Map.of("username", username, "password", World.PASSWORD,
                "role", role.name(), "jurisdiction", jurisdiction)).post("/api/v1/users").then().statusCode(201);
    }
}
