package io.balance.indicator;

import static io.balance.indicator.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.SchoolV1;
import io.balance.contracts.Topics;
import io.balance.indicator.Fixtures.Report;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The service against a real PostgreSQL and a real Kafka broker: events in, evaluations and events out. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class IndicatorServiceTest {
    static final int YEAR = 2025;
    static Events events;

    @BeforeAll
    static void producer() {
        events = new Events();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    static String token(String role, String jurisdiction) {
        return EmbeddedInfra.keys().mint(role.toLowerCase() + "-" + jurisdiction, role, jurisdiction);
    }

    static String admin() {
        return EmbeddedInfra.keys().mint("admin", "SYSTEM_ADMIN", null);
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    static void await(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    /** The worked example of evaluation-standards.md §4.2 produced as events. */
    static void workedExample(String county) {
        workedExample(county, YEAR);
    }

    static void workedExample(String county, int year) {
        events.jurisdiction(county.substring(0, 4) + "00", "示例市", "CITY", county.substring(0, 2) + "0000", 1);
        events.jurisdiction(county, "示例县", "COUNTY", county.substring(0, 4) + "00", 1);
        events.report(school(county + "0001", county, "PRIMARY"), year, 1,
                Report.of().students("PRIMARY", 600).facilities(3000, 0, 0, 0, 0, 0).build());
        events.report(school(county + "0002", county, "PRIMARY"), year, 1,
                Report.of().students("PRIMARY", 200).facilities(1200, 0, 0, 0, 0, 0).build());
        events.report(school(county + "0003", county, "NINE_YEAR"), year, 1,
                Report.of().students("PRIMARY", 300).students("JUNIOR", 200).facilities(2600, 0, 0, 0, 0, 0).build());
        events.report(school(county + "0004", county, "TEACHING_POINT"), year, 1,
                Report.of().students("PRIMARY", 40).facilities(100, 0, 0, 0, 0, 0).build());
    }

    @Test
    void workedExampleFromEventsToTheEvaluation() {
        workedExample("999901");
        await(() -> get(token("VIEWER", "999900"), "/api/v1/counties/999901/evaluations/" + YEAR)
                .statusCode(200).body("basedOnReports", is(4)));
        get(token("COUNTY_ADMIN", "999901"), "/api/v1/counties/999901/evaluations/" + YEAR + "?ruleSet=QUALITY_2017")
                .statusCode(200)
                .body("countyCode", is("999901"))
                .body("countyName", is("示例县"))
                .body("ruleSet", is("QUALITY_2017"))
                .body("stages.PRIMARY.includedSchools", is(3))
                .body("stages.PRIMARY.indicators.R4.countyValue", is(5.1818f))
                .body("stages.PRIMARY.indicators.R4.cv", is(0.0744f))
                .body("stages.PRIMARY.indicators.R4.cvLimit", is(0.5f))
                .body("stages.PRIMARY.indicators.R4.pass", is(true))
                .body("stages.PRIMARY.indicators.R7.cv", nullValue())
                .body("stages.PRIMARY.indicators.R7.reason", containsString("undefined"))
                .body("stages.PRIMARY.schools.find { it.schoolCode == '9999010004' }.excluded", is(true))
                .body("parts.recognition.status", is("INCOMPLETE"))
                .body("missingInputs", hasItem("survey"))
                .body("verdict", is("FAIL")); // nobody meets R1–R3, R5–R7: the resource part fails outright

        // C-junior: 1100 m² for 200 students = 5.5; 60 m² short of 5.8 for the stage, 141.82 m² for the whole school
        get(token("SCHOOL_REPORTER", "9999010003"), "/api/v1/schools/9999010003/indicators/" + YEAR)
                .statusCode(200)
                .body("stages[1].stage", is("JUNIOR"))
                .body("stages[1].indicators.R4.value", is(5.5f))
                .body("stages[1].indicators.R4.meetsFloor", is(true))
                .body("stages[1].indicators.R4.gap.toStandard", is(60.0f))
                .body("stages[1].indicators.R4.gap.toStandardSchoolWide", is(141.82f));
        // a reporter sees its own school only; a county outside the caller's jurisdiction does not exist for it
        get(token("SCHOOL_REPORTER", "9999010003"), "/api/v1/schools/9999010001/indicators/" + YEAR).statusCode(404);
        get(token("SCHOOL_REPORTER", "9999010003"), "/api/v1/counties/999901/evaluations/" + YEAR).statusCode(404);
        get(token("VIEWER", "410000"), "/api/v1/counties/999901/evaluations/" + YEAR).statusCode(404);
        given().when().get("/api/v1/counties/999901/evaluations/" + YEAR).then().statusCode(401);
        get(admin(), "/api/v1/counties/999901/evaluations/" + YEAR + "?ruleSet=NOPE").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("ruleSet"));
        get(admin(), "/api/v1/counties/999901/evaluations/20x5").statusCode(400).body("errors[0].field", is("year"));

        // a survey result completes the recognition part
        events.survey("999901", YEAR, "s-999901", 1, true, 0.91);
        await(() -> get(admin(), "/api/v1/counties/999901/evaluations/" + YEAR)
                .body("parts.recognition.rate", is(0.91f)).body("parts.recognition.pass", is(true))
                .body("missingInputs", not(hasItem("survey"))));

        // the roll-up of the city lists the county with its verdict
        get(token("PROVINCE_ADMIN", "990000"), "/api/v1/rollups/999900/" + YEAR)
                .statusCode(200).body("level", is("CITY"))
                .body("counties.find { it.countyCode == '999901' }.verdict", is("FAIL"))
                .body("counties.find { it.countyCode == '999901' }.stages.PRIMARY.cv.R4", is(0.0744f));

        // and the change went out on indicator.evaluations.v1 through the outbox
        List<ConsumerRecord<String, String>> records = evaluationEvents("999901", e -> true, 2, 30);
        List<Map<?, ?>> published = records.stream().<Map<?, ?>>map(IndicatorServiceTest::payload).toList();
        // the kit's relay: keyed by county, with the contract's headers
        ConsumerRecord<String, String> first = records.get(0);
        assertEquals(payload(first).get("eventId"), TopicReader.header(first, "eventId"));
        assertEquals("EvaluationChangedV1", TopicReader.header(first, "eventType"));
        assertEquals(String.valueOf(payload(first).get("revision")), TopicReader.header(first, "revision"));
        assertEquals("indicator-service", TopicReader.header(first, "source"));
        assertTrue(published.stream().anyMatch(e -> "QUALITY_2017".equals(e.get("ruleSet")) && "FAIL".equals(e.get("verdict"))),
                published.toString());
        assertTrue(published.stream().anyMatch(e -> "BASIC_2012".equals(e.get("ruleSet"))), published.toString());
    }

    @Test
    void duplicateAndOlderEventsChangeNothing() {
        String county = "999905";
        SchoolV1 s = school(county + "0001", county, "PRIMARY");
        var rev2 = events.report(s, YEAR, 2, Report.of().students("PRIMARY", 100).facilities(500, 0, 0, 0, 0, 0).build());
        events.send(Topics.SCHOOL_REPORTS, s.schoolCode(), rev2); // the very same event again
        events.report(s, YEAR, 1, Report.of().students("PRIMARY", 100).facilities(900, 0, 0, 0, 0, 0).build()); // older
        // a marker on the same partition (same key), after the others
        events.report(s, YEAR - 1, 1, Report.of().students("PRIMARY", 100).facilities(100, 0, 0, 0, 0, 0).build());
        await(() -> get(admin(), "/api/v1/counties/" + county + "/evaluations/" + (YEAR - 1)).statusCode(200)
                .body("basedOnReports", is(1)));
        get(admin(), "/api/v1/schools/" + s.schoolCode() + "/indicators/" + YEAR).statusCode(200)
                .body("reportRevision", is(2)).body("stages[0].indicators.R4.value", is(5.0f));
        // one change only: revision 1 of the stored evaluation, for each year
        get(admin(), "/api/v1/counties/" + county + "/evaluations").statusCode(200)
                .body("year", contains(YEAR - 1, YEAR)).body("revision", contains(1, 1));
        // a newer revision does change it
        events.report(s, YEAR, 3, Report.of().students("PRIMARY", 100).facilities(600, 0, 0, 0, 0, 0).build());
        await(() -> get(admin(), "/api/v1/schools/" + s.schoolCode() + "/indicators/" + YEAR)
                .body("reportRevision", is(3)).body("stages[0].indicators.R4.value", is(6.0f)));
        await(() -> get(admin(), "/api/v1/counties/" + county + "/evaluations").body("revision", contains(1, 2)));
    }

    @Test
    void findingsAreValidatedAndWritableOnlyByTheCountyAndAbove() {
        String county = "999907";
        events.report(school(county + "0001", county, "PRIMARY"), YEAR, 1,
                Report.of().students("PRIMARY", 500).facilities(2500, 4000, 1_000_000, 12, 50, 10_000).build());
        await(() -> get(admin(), "/api/v1/counties/" + county + "/evaluations/" + YEAR).statusCode(200));
        String path = "/api/v1/counties/" + county + "/findings/" + YEAR;
        String valid = """
                {"findings": {"G1": {"met": true, "evidence": ["ev-1"]}},
                 "figures": {"teacherAveragePayYuan": 98000, "civilServantAveragePayYuan": 95000},
                 "retention": {"grade7Intake": 1000, "deaths": 2, "graduates": 960, "transfersIn": 10, "transfersOut": 20},
                 "monitoring": [{"subject": "MATH", "level": 3, "differenceRate": 0.12}],
                 "vetoes": {"EXAM_ADMISSION": false},
                 "evidence": [{"id": "ev-1", "title": "学校布局规划", "uri": "https://example.org/plan.pdf"}]}""";
        String countyAdmin = token("COUNTY_ADMIN", county);
        given().auth().oauth2(countyAdmin).contentType("application/json").body(valid).put(path).then()
                .statusCode(200).body("version", is(1)).body("updatedBy", is("county_admin-" + county))
                .body("findings.G1.met", is(true));
        get(admin(), "/api/v1/counties/" + county + "/evaluations/" + YEAR).body("missingInputs", not(hasItem("findings.G1")))
                .body("missingInputs", hasItem("findings.G10"))
                .body("parts.quality.checks.find { it.id == 'Q1' }.status", is("PASS"))
                .body("parts.assurance.checks.find { it.id == 'G8' }.status", is("PASS"));

        // invalid: every problem named, nothing stored
        String invalid = """
                {"findings": {"G1": {"met": true, "evidence": ["ev-9"]}, "G99": {"met": true}},
                 "figures": {"disabledEnrolmentRate": 1.7},
                 "monitoring": [{"subject": "MATH", "level": 5, "differenceRate": 0.1}],
                 "vetoes": {"NOT_A_VETO": true}}""";
        given().auth().oauth2(countyAdmin).contentType("application/json").body(invalid).put(path).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("https://balance.local/problems/validation"))
                .body("errors.field", hasItem("findings.G1.evidence[0]"))
                .body("errors.field", hasItem("findings.G99"))
                .body("errors.field", hasItem("figures.disabledEnrolmentRate"))
                .body("errors.field", hasItem("monitoring[0].level"))
                .body("errors.field", hasItem("vetoes.NOT_A_VETO"));
        given().auth().oauth2(countyAdmin).contentType("application/json").body("{\"findings\": {\"G1\": {\"met\": \"maybe\"}}}")
                .put(path).then().statusCode(400).body("errors[0].field", is("findings.G1.met"));
        given().auth().oauth2(countyAdmin).contentType("application/json").body("{\"findings\": ").put(path).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(countyAdmin).contentType("application/json").body("{\"figurez\": {}}").put(path).then()
                .statusCode(400).body("errors[0].field", is("figurez"));
        get(countyAdmin, path).statusCode(200).body("version", is(1));

        // jurisdiction: another county's admin does not see it, a viewer reads but may not change
        given().auth().oauth2(token("COUNTY_ADMIN", "999908")).contentType("application/json").body(valid).put(path)
                .then().statusCode(404);
        given().auth().oauth2(token("VIEWER", county)).contentType("application/json").body(valid).put(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("PROVINCE_ADMIN", "990000")).contentType("application/json").body(valid).put(path)
                .then().statusCode(200).body("version", is(2));
        given().auth().oauth2(token("PROVINCE_ADMIN", "410000")).contentType("application/json").body(valid).put(path)
                .then().statusCode(404);
    }

    /** Funding of a year as a findings document (三个增长 figures only). */
    static String funding(long appropriation, long revenue, long pay, long primary, long junior) {
        return """
                {"funding": {"compulsoryAppropriationYuan": %d, "recurrentRevenueYuan": %d, "compulsoryPupils": 20000,
                             "staffAveragePayYuan": %d, "publicFundsPerPupilPrimaryYuan": %d, "publicFundsPerPupilJuniorYuan": %d}}"""
                .formatted(appropriation, revenue, pay, primary, junior);
    }

    @Test
    void fundingFiguresOfEachYearDecideTheThreeGrowthsVeto() {
        String county = "999913";
        events.report(school(county + "0001", county, "PRIMARY"), YEAR, 1,
                Report.of().students("PRIMARY", 500).facilities(2500, 4000, 1_000_000, 12, 50, 10_000).build());
        String basic = "/api/v1/counties/" + county + "/evaluations/" + YEAR + "?ruleSet=BASIC_2012";
        await(() -> get(admin(), basic).statusCode(200));
        String admin = token("COUNTY_ADMIN", county);
        String path = "/api/v1/counties/" + county + "/findings/";

        // invalid figures: each named, nothing stored
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"funding\": {\"recurrentRevenueYuan\": 0, \"staffAveragePayYuan\": -1, \"students\": 0}}")
                .put(path + YEAR).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("funding.recurrentRevenueYuan", "funding.staffAveragePayYuan", "funding.students"));
        get(admin, path + YEAR).statusCode(404);

        // 2022 → 2023: +10 % appropriation against +8 % revenue, pay and public funds 1 yuan more: met.
        // 2023 → 2024: nothing grows: missed. 2024 → 2025: +10 % against +10 %: missed (高于 means strictly above).
        given().auth().oauth2(admin).contentType("application/json").body(funding(100_000_000, 500_000_000, 80_000, 720, 920))
                .put(path + 2022).then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body(funding(110_000_000, 540_000_000, 80_001, 721, 921))
                .put(path + 2023).then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body(funding(121_000_000, 594_000_000, 80_002, 722, 922))
                .put(path + YEAR).then().statusCode(200).body("funding.compulsoryPupils", is(20000));
        // 2024 unknown: 2024 and 2025 cannot be judged, and they decide
        get(admin, basic).statusCode(200).body("ruleSetVersion", is(3))
                .body("parts.vetoes.checks[0].id", is("THREE_GROWTHS_MISSED"))
                .body("parts.vetoes.checks[0].status", is("INCOMPLETE"))
                .body("parts.vetoes.checks[0].years.status", contains("PASS", "INCOMPLETE", "INCOMPLETE"))
                .body("missingInputs", hasItem("funding.2024"));
        get(admin, "/api/v1/counties/" + county + "/evaluations?ruleSet=BASIC_2012").statusCode(200)
                .body("find { it.year == 2025 }.failingParts", not(hasItem("vetoes")));

        // recording 2024 re-evaluates 2025, which compares with it: two of three years missed → the veto applies
        given().auth().oauth2(admin).contentType("application/json").body(funding(110_000_000, 540_000_000, 80_001, 721, 921))
                .put(path + 2024).then().statusCode(200);
        get(admin, "/api/v1/counties/" + county + "/evaluations?ruleSet=BASIC_2012").statusCode(200)
                .body("find { it.year == 2025 }.verdict", is("FAIL"))
                .body("find { it.year == 2025 }.failingParts", hasItem("vetoes"));
        get(admin, basic).body("parts.vetoes.failing", contains("THREE_GROWTHS_MISSED"))
                .body("parts.vetoes.checks[0].years.status", contains("PASS", "FAIL", "FAIL"))
                .body("parts.vetoes.checks[0].years[2].detail", containsString("义务教育财政拨款增长 10.00 % vs 财政经常性收入增长 10.00 %"));
        // the national quality set does not judge funding growth (spec §2.2 has no such item)
        get(admin, "/api/v1/counties/" + county + "/evaluations/" + YEAR + "?ruleSet=QUALITY_2017")
                .body("parts.vetoes.checks", org.hamcrest.Matchers.empty());
    }

    @Test
    void provinceAdministratorCreatesAValidatedVariant() {
        String variant = """
                {"code": "HENAN_QUALITY_2025", "name": "河南省优质均衡 (小学差异系数 0.40)", "basedOn": "QUALITY_2017",
                 "patch": {"resources": {"cv": {"limits": {"PRIMARY": 0.40}},
                                         "indicators": [{"id": "R2", "numerator": "teachers.backboneCityOrAbove"}]}}}""";
        given().auth().oauth2(token("COUNTY_ADMIN", "410329")).contentType("application/json").body(variant)
                .post("/api/v1/rule-sets").then().statusCode(403);
        String broken = variant.replace("teachers.backboneCityOrAbove", "teachers.favourites");
        given().auth().oauth2(token("PROVINCE_ADMIN", "410000")).contentType("application/json").body(broken)
                .post("/api/v1/rule-sets").then().statusCode(400)
                .body("errors.field", hasItem("resources.indicators[1].numerator"));
        given().auth().oauth2(token("PROVINCE_ADMIN", "410000")).contentType("application/json").body(variant)
                .post("/api/v1/rule-sets").then().statusCode(201)
                .body("code", is("HENAN_QUALITY_2025")).body("version", is(1)).body("jurisdictionCode", is("410000"))
                .body("basedOn", is("QUALITY_2017"))
                .body("resources.cv.limits.PRIMARY", is(0.4f))
                .body("resources.cv.limits.JUNIOR", is(0.45f))
                .body("resources.indicators.find { it.id == 'R2' }.numerator", is("teachers.backboneCityOrAbove"))
                .body("resources.indicators.find { it.id == 'R2' }.standards.PRIMARY", is(1.0f))
                .body("resources.indicators.size()", is(7));
        given().auth().oauth2(token("PROVINCE_ADMIN", "410000")).contentType("application/json").body(variant)
                .post("/api/v1/rule-sets").then().statusCode(409);
        given().auth().oauth2(token("PROVINCE_ADMIN", "410000")).contentType("application/json")
                .body("{\"patch\": {\"resources\": {\"cv\": {\"limits\": {\"PRIMARY\": 0.42}}}}}")
                .put("/api/v1/rule-sets/HENAN_QUALITY_2025").then().statusCode(200)
                .body("version", is(2)).body("resources.cv.limits.PRIMARY", is(0.42f));
        get(token("VIEWER", "410329"), "/api/v1/rule-sets/HENAN_QUALITY_2025/versions").statusCode(200)
                .body("version", contains(1, 2));
        // another province may not change it; national sets belong to the system administrator
        given().auth().oauth2(token("PROVINCE_ADMIN", "360000")).contentType("application/json").body("{}")
                .put("/api/v1/rule-sets/HENAN_QUALITY_2025").then().statusCode(403);
        given().auth().oauth2(token("PROVINCE_ADMIN", "410000")).contentType("application/json").body("{}")
                .put("/api/v1/rule-sets/QUALITY_2017").then().statusCode(403);
        get(token("VIEWER", "410329"), "/api/v1/rule-sets").statusCode(200)
                .body("code", hasItem("QUALITY_2017")).body("code", hasItem("BASIC_2012"))
                .body("code", hasItem("JIANGXI_QUALITY_2017"));

        // it applies inside Henan only
        events.report(school("4103290001", "410329", "PRIMARY"), YEAR, 1,
                Report.of().students("PRIMARY", 500).facilities(2500, 4000, 1_000_000, 12, 50, 10_000).build());
        await(() -> get(token("COUNTY_ADMIN", "410329"), "/api/v1/counties/410329/evaluations/" + YEAR
                + "?ruleSet=HENAN_QUALITY_2025").statusCode(200).body("ruleSetVersion", is(2))
                .body("stages.PRIMARY.indicators.R4.cvLimit", is(0.42f)));
        get(admin(), "/api/v1/counties/999901/evaluations/" + YEAR + "?ruleSet=HENAN_QUALITY_2025").statusCode(400)
                .body("errors[0].field", is("ruleSet"));
    }

    @Test
    void replayRebuildsTheSameState() {
        String county = "999909";
        // a school registered now is expected to report from the current school year on
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        workedExample(county, year);
        events.school(school(county + "0005", county, "PRIMARY"), 1); // registered, never reported
        await(() -> get(admin(), "/api/v1/counties/" + county + "/evaluations/" + year).statusCode(200)
                .body("basedOnReports", is(4)).body("missingInputs", hasItem("reports." + county + "0005")));
        String before = get(admin(), "/api/v1/counties/" + county + "/evaluations/" + year).extract().asString();
        List<Integer> revisions = get(admin(), "/api/v1/counties/" + county + "/evaluations").extract().path("revision");

        given().auth().oauth2(token("PROVINCE_ADMIN", "990000")).post("/api/v1/indicator/admin/replay").then().statusCode(403);
        given().auth().oauth2(admin()).post("/api/v1/indicator/admin/replay?waitSeconds=60").then().statusCode(200)
                .body("records", org.hamcrest.Matchers.greaterThan(5));

        String after = get(admin(), "/api/v1/counties/" + county + "/evaluations/" + year).extract().asString();
        assertEquals(before, after);
        // the same state: no new revision
        get(admin(), "/api/v1/counties/" + county + "/evaluations").body("revision", equalTo(revisions));
        get(admin(), "/api/v1/indicator/admin/intake").statusCode(200).body("replaying", is(false));
        // an operator's full recompute of the year finds nothing to change either
        given().auth().oauth2(admin()).post("/api/v1/indicator/admin/recompute?year=" + year).then().statusCode(200)
                .body("[0].counties", org.hamcrest.Matchers.greaterThan(0)).body("[0].changed", is(0));
        get(admin(), "/api/v1/counties/" + county + "/evaluations").body("revision", equalTo(revisions));
    }

    /** Last: the consumers need a while to rejoin after the broker restarts. */
    @Test
    @Order(Integer.MAX_VALUE)
    void findingsAreStoredWhileKafkaIsDownAndTheEvaluationEventFollows() {
        String county = "999911";
        events.report(school(county + "0001", county, "PRIMARY"), YEAR, 1,
                Report.of().students("PRIMARY", 500).facilities(2500, 4000, 1_000_000, 12, 50, 10_000).build());
        String history = "/api/v1/counties/" + county + "/evaluations";
        await(() -> get(admin(), history).statusCode(200).body("revision", contains(1)));
        EmbeddedInfra.kafka().stop();
        try {
            given().auth().oauth2(token("COUNTY_ADMIN", county)).contentType("application/json")
                    .body("{\"vetoes\": {\"FALSIFIED_DATA\": true}}").put("/api/v1/counties/" + county + "/findings/" + YEAR)
                    .then().statusCode(200).body("version", is(1));
            get(admin(), history).body("revision", contains(2)).body("verdict", contains("FAIL"));
        } finally {
            EmbeddedInfra.kafka().start();
        }
        // the outbox row written with the change goes out once Kafka is back
        List<Map<?, ?>> published = evaluationEvents(county, e -> "QUALITY_2017".equals(e.get("ruleSet"))
                && ((Number) e.get("revision")).intValue() == 2, 1, 90).stream()
                .<Map<?, ?>>map(IndicatorServiceTest::payload).toList();
        assertTrue(published.stream().anyMatch(e -> "QUALITY_2017".equals(e.get("ruleSet"))
                && ((Number) e.get("revision")).intValue() == 2 && "FAIL".equals(e.get("verdict"))
                && ((List<?>) e.get("failingParts")).contains("vetoes")), published.toString());
    }

    /** The county's events on indicator.evaluations.v1 (from the beginning) whose payload matches, once {@code expected} arrived (1 s more for the rest). */
    static List<ConsumerRecord<String, String>> evaluationEvents(String county, Predicate<Map<?, ?>> match, int expected,
            int seconds) {
        return TopicReader.read(Topics.INDICATOR_EVALUATIONS, r -> county.equals(r.key()) && match.test(payload(r)),
                expected, Duration.ofSeconds(seconds), Duration.ofSeconds(1));
    }

    static Map<?, ?> payload(ConsumerRecord<String, String> r) {
        try {
            return Events.JSON.readValue(r.value(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
