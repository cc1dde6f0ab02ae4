package io.balance.survey.campaign;

import static io.balance.survey.Fixtures.admin;
import static io.balance.survey.Fixtures.as;
import static io.balance.survey.Fixtures.createSurvey;
import static io.balance.survey.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class SurveyCampaignTest {
    static final String COUNTY = "419901";
    static final Instant OPENS = Instant.now().plus(Duration.ofDays(7));
    static final Instant CLOSES = Instant.now().plus(Duration.ofDays(30));

    @BeforeAll
    static void registry() {
        Fixtures.standardCounty(COUNTY, 300_000);
        Fixtures.county("419902", 400_001, List.of());
        Fixtures.county("419903", 400_000, List.of());
    }

    @Test
    void createComputesThePlanFromTheConsumedRegistry() {
        createSurvey(admin(), COUNTY, 2025, OPENS, CLOSES).then().statusCode(201)
                .header("Location", containsString("/api/v1/surveys/"))
                .body("status", equalTo("DRAFT"))
                .body("countyName", equalTo("测试县419901"))
                .body("samplePlan.total", equalTo(600))
                .body("samplePlan.byGroup.PARENT", equalTo(300))
                .body("samplePlan.byGroup.STUDENT", equalTo(50))
                .body("samplePlan.byGroup.PUBLIC", equalTo(50))
                // no population split known: registered schools, marked as the fallback
                .body("samplePlan.locationBasis", equalTo("SCHOOLS_FALLBACK"))
                .body("standard", equalTo("QUALITY"))
                // 450 school-bound over 1 urban, 1 town, 2 rural schools
                .body("samplePlan.byLocation", equalTo(Map.of("URBAN", 113, "TOWN", 112, "RURAL", 225)));
        createSurvey(admin(), COUNTY, 2025, OPENS, CLOSES).then().statusCode(409)
                .contentType("application/problem+json");
        createSurvey(admin(), "419902", 2025, OPENS, CLOSES).then().statusCode(201)
                .body("samplePlan.total", equalTo(601)).body("samplePlan.byGroup.PARENT", equalTo(301))
                .body("samplePlan.locationBasis", equalTo("NONE"));
        createSurvey(admin(), "419903", 2025, OPENS, CLOSES).then().statusCode(201)
                .body("samplePlan.total", equalTo(600));
    }

    @Test
    void populationSharesCanBeGivenForTheLocationSplit() {
        as(admin()).body(Map.of("countyCode", COUNTY, "year", 2031, "opensAt", OPENS.toString(),
                        "closesAt", CLOSES.toString(),
                        "populationByLocation", Map.of("URBAN", 120_000, "TOWN", 80_000, "RURAL", 200_000)))
                .post("/api/v1/surveys").then().statusCode(201)
                .body("samplePlan.locationBasis", equalTo("POPULATION"))
                .body("samplePlan.byLocation", equalTo(Map.of("URBAN", 135, "TOWN", 90, "RURAL", 225)));
    }

    @Test
    void theRegistrysPopulationSplitComesBeforeSchoolCounts() {
        // 419904: the registry records 300 000 residents, 60 000 urban, 90 000 town, 150 000 rural, and has one
        // school in each location (school counts would give 150 / 150 / 150)
        Fixtures.county("419904", 300_000, new long[] {60_000, 90_000, 150_000}, List.of(
                new Fixtures.SchoolSpec("4199040001", "城区小学", "URBAN"),
                new Fixtures.SchoolSpec("4199040002", "镇小学", "TOWN"),
                new Fixtures.SchoolSpec("4199040003", "村小学", "RURAL")));
        // 450 school-bound × 1/5, 3/10, 1/2 = 90 / 135 / 225
        createSurvey(admin(), "419904", 2025, OPENS, CLOSES).then().statusCode(201)
                .body("samplePlan.locationBasis", equalTo("POPULATION"))
                .body("samplePlan.byLocation", equalTo(Map.of("URBAN", 90, "TOWN", 135, "RURAL", 225)));
    }

    @Test
    void theStandardSelectsTheQuestionnaireSet() {
        String basic = as(admin()).body(Map.of("countyCode", COUNTY, "year", 2033, "standard", "BASIC",
                        "opensAt", OPENS.toString(), "closesAt", CLOSES.toString()))
                .post("/api/v1/surveys").then().statusCode(201).body("standard", equalTo("BASIC"))
                .body("standardName", equalTo("基本均衡 · 满意度调查")).extract().path("id");
        as(admin()).get("/api/v1/surveys/" + basic + "/questionnaires").then().statusCode(200)
                .body("PUBLIC.items", hasSize(8)).body("STAFF.items", hasSize(8)).body("STUDENT.items", hasSize(6))
                .body("PUBLIC.items[0].text", containsString("满意"));
        String quality = Fixtures.draftSurvey(COUNTY, 2034);
        as(admin()).get("/api/v1/surveys/" + quality + "/questionnaires").then().statusCode(200)
                .body("PUBLIC.items", hasSize(10)).body("PUBLIC.items[0].text", containsString("认可"));
        as(admin()).body(Map.of("countyCode", COUNTY, "year", 2035, "standard", "EXCELLENT",
                        "opensAt", OPENS.toString(), "closesAt", CLOSES.toString()))
                .post("/api/v1/surveys").then().statusCode(400).body("errors.field", hasItem("standard"));
    }

    @Test
    void invalidInputIsA400NamingTheFields() {
        as(admin()).body(Map.of("countyCode", "41", "year", 1900, "opensAt", CLOSES.toString(),
                "closesAt", OPENS.toString())).post("/api/v1/surveys").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("countyCode", "year", "closesAt"));
        as(admin()).body("{\"countyCode\": \"419901\", \"year\": \"soon\"}").post("/api/v1/surveys").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        as(admin()).body("{\"countyCode\": ").post("/api/v1/surveys").then()
                .statusCode(400).contentType("application/problem+json");
        as(admin()).body(Map.of("countyCode", "419901", "year", 2025, "opensAt", "tomorrow",
                "closesAt", CLOSES.toString())).post("/api/v1/surveys").then().statusCode(400)
                .body("errors[0].field", equalTo("opensAt"));
        createSurvey(admin(), "419999", 2025, OPENS, CLOSES).then().statusCode(400)
                .body("errors[0].field", equalTo("countyCode"));
    }

    @Test
    void jurisdictionIsEnforced() {
        String id = Fixtures.draftSurvey(COUNTY, 2026);
        given().get("/api/v1/surveys/" + id).then().statusCode(401);
        // another county's administrator may not know it exists
        as(token("COUNTY_ADMIN", "419801")).get("/api/v1/surveys/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        createSurvey(token("COUNTY_ADMIN", "419801"), COUNTY, 2027, OPENS, CLOSES).then().statusCode(404);
        as(token("COUNTY_ADMIN", "419801")).post("/api/v1/surveys/" + id + "/open").then().statusCode(404);
        // a viewer of the city reads but may not change
        as(token("VIEWER", "419900")).get("/api/v1/surveys/" + id).then().statusCode(200);
        as(token("VIEWER", "419900")).post("/api/v1/surveys/" + id + "/open").then().statusCode(403);
        createSurvey(token("INTEGRATION", "410000"), COUNTY, 2027, OPENS, CLOSES).then().statusCode(403);
        // the county under evaluation does not create its own survey; the supervising level does
        createSurvey(token("COUNTY_ADMIN", COUNTY), COUNTY, 2027, OPENS, CLOSES).then().statusCode(403)
                .contentType("application/problem+json");
        createSurvey(token("REVIEWER", COUNTY), COUNTY, 2027, OPENS, CLOSES).then().statusCode(403);
        createSurvey(token("REVIEWER", "419900"), COUNTY, 2027, OPENS, CLOSES).then().statusCode(201);
        createSurvey(token("PROVINCE_ADMIN", "410000"), COUNTY, 2028, OPENS, CLOSES).then().statusCode(201);
        as(token("COUNTY_ADMIN", "419801")).get("/api/v1/surveys?countyCode=" + COUNTY).then().statusCode(200)
                .body("$", hasSize(0));
        as(token("COUNTY_ADMIN", COUNTY)).get("/api/v1/surveys?countyCode=" + COUNTY).then().statusCode(200)
                .body("id", hasItem(id));
        as(admin()).get("/api/v1/surveys/not-a-uuid").then().statusCode(404);
        // the natural key {countyCode}-{year} names the same campaign, under the same jurisdiction rules
        as(token("COUNTY_ADMIN", COUNTY)).get("/api/v1/surveys/" + COUNTY + "-2026").then().statusCode(200)
                .body("id", equalTo(id));
        as(token("COUNTY_ADMIN", "419801")).get("/api/v1/surveys/" + COUNTY + "-2026").then().statusCode(404);
        as(admin()).get("/api/v1/surveys/" + COUNTY + "-2099/results").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void planIsAdjustableUntilOpening() {
        String id = Fixtures.draftSurvey(COUNTY, 2029);
        Map<String, Object> plan = Map.of("total", 700, "byGroup", Map.of("PARENT", 400, "STUDENT", 50,
                "TEACHER", 50, "PRINCIPAL", 50, "NPC_DEPUTY", 50, "CPPCC_MEMBER", 50, "PUBLIC", 50),
                "byLocation", Map.of("URBAN", 200, "TOWN", 150, "RURAL", 200));
        as(token("COUNTY_ADMIN", COUNTY)).body(plan).put("/api/v1/surveys/" + id + "/sample-plan").then()
                .statusCode(403);
        as(Fixtures.reviewer(COUNTY)).body(plan).put("/api/v1/surveys/" + id + "/sample-plan").then()
                .statusCode(200).body("samplePlan.total", equalTo(700))
                .body("samplePlan.byLocation.TOWN", equalTo(150));
        as(admin()).body(Map.of("total", 600, "byGroup", Map.of("PARENT", 250, "STUDENT", 60, "TEACHER", 60,
                        "PRINCIPAL", 60, "NPC_DEPUTY", 60, "CPPCC_MEMBER", 60, "PUBLIC", 50)))
                .put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(400)
                .body("errors.field", hasItem("byGroup.PARENT"));
        as(admin()).body(Map.of("total", 600, "byGroup", Map.of("PARENT", 300, "STUDENT", 50)))
                .put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(400)
                .body("errors.field", hasItem("byGroup.TEACHER"));
        as(token("VIEWER", COUNTY)).body(plan).put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(403);
        as(admin()).post("/api/v1/surveys/" + id + "/open").then().statusCode(200).body("status", equalTo("OPEN"));
        as(admin()).body(plan).put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anOverflowingPlanIsA400AndNothingIsStored() {
        String id = Fixtures.draftSurvey(COUNTY, 2036);
        // issue 13: PARENT = 2^31 − 1 passed the int-summed check with the total still 600
        Map<String, Object> overflow = Map.of("total", 600, "byGroup", Map.of("PARENT", 2147483647,
                "STUDENT", -2147483048, "TEACHER", 0, "PRINCIPAL", 0, "NPC_DEPUTY", 0, "CPPCC_MEMBER", 0, "PUBLIC", 1));
        as(admin()).body(overflow).put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("byGroup.PARENT", "byGroup.STUDENT"));
        Map<String, Object> allParents = Map.of("total", 600, "byGroup", Map.of("PARENT", 2147483647,
                "STUDENT", 0, "TEACHER", 0, "PRINCIPAL", 0, "NPC_DEPUTY", 0, "CPPCC_MEMBER", 0, "PUBLIC", 0));
        as(admin()).body(allParents).put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(400)
                .body("errors.field", hasItem("byGroup.PARENT"));
        as(admin()).body("{\"total\": 600, \"byGroup\": {\"PARENT\": 99999999999}}")
                .put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("byGroup")); // beyond an int: Jackson
        as(admin()).body(Map.of("total", 2147483647, "byGroup", Map.of("PARENT", 2147483647, "STUDENT", 0,
                        "TEACHER", 0, "PRINCIPAL", 0, "NPC_DEPUTY", 0, "CPPCC_MEMBER", 0, "PUBLIC", 0)))
                .put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(400)
                .body("errors.field", hasItem("total"));
        // nothing stored: the computed plan is unchanged, and invitations stay within it
        as(admin()).get("/api/v1/surveys/" + id).then().statusCode(200).body("samplePlan.total", equalTo(600))
                .body("samplePlan.byGroup.PARENT", equalTo(300));
        as(admin()).post("/api/v1/surveys/" + id + "/open").then().statusCode(200);
        as(admin()).body(Map.of("schoolCode", COUNTY + "0001", "group", "PARENT", "count", 1000))
                .post("/api/v1/surveys/" + id + "/invitations").then().statusCode(409);
    }

    @Test
    void theCountyTriesEverySupervisingActionAndIsRefused() {
        String county = token("COUNTY_ADMIN", COUNTY);
        String id = Fixtures.draftSurvey(COUNTY, 2037);
        Map<String, Object> plan = Map.of("total", 600, "byGroup", Map.of("PARENT", 300, "STUDENT", 50,
                "TEACHER", 50, "PRINCIPAL", 50, "NPC_DEPUTY", 50, "CPPCC_MEMBER", 50, "PUBLIC", 50));
        List<Map<String, String>> items = List.of(Map.of("id", "P01", "text", "您对本县教育满意吗？"));
        createSurvey(county, COUNTY, 2038, OPENS, CLOSES).then().statusCode(403);
        as(county).body(plan).put("/api/v1/surveys/" + id + "/sample-plan").then().statusCode(403);
        as(county).body(Map.of("items", items)).put("/api/v1/surveys/" + id + "/questionnaires/PUBLIC").then()
                .statusCode(403);
        as(county).post("/api/v1/surveys/" + id + "/open").then().statusCode(403);
        as(county).body(Map.of("schoolCode", COUNTY + "0001", "group", "PARENT", "count", 5))
                .post("/api/v1/surveys/" + id + "/invitations").then().statusCode(403);
        as(county).post("/api/v1/surveys/" + id + "/close").then().statusCode(403);
        as(county).get("/api/v1/surveys/" + id + "/flagged").then().statusCode(403);
        as(county).body(Map.of("decision", "REJECT", "reason", "x")).post("/api/v1/surveys/" + id
                + "/flagged/1/review").then().statusCode(403);
        // and nothing changed: still a draft with the computed plan and the default questionnaire
        as(admin()).get("/api/v1/surveys/" + id).then().body("status", equalTo("DRAFT"))
                .body("samplePlan.byGroup.PARENT", equalTo(300));
        as(admin()).get("/api/v1/surveys/" + id + "/questionnaires").then().body("PUBLIC.items", hasSize(10));
        // what the county does see: the campaign and its quota progress
        as(admin()).post("/api/v1/surveys/" + id + "/open").then().statusCode(200);
        Fixtures.invite(id, COUNTY + "0001", "PARENT", 3);
        as(county).get("/api/v1/surveys/" + id).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("quota.PARENT.planned", equalTo(300)).body("quota.PARENT.issued", equalTo(3))
                .body("quota.PARENT.returned", equalTo(0));
        // results only once closed
        as(county).get("/api/v1/surveys/" + id + "/results").then().statusCode(403);
        as(token("VIEWER", COUNTY)).get("/api/v1/surveys/" + id + "/results").then().statusCode(403);
        as(admin()).post("/api/v1/surveys/" + id + "/close").then().statusCode(200);
        as(county).get("/api/v1/surveys/" + id + "/results").then().statusCode(200)
                .body("invitationsIssued", equalTo(3));
    }

    @Test
    void questionnairesAreEditableUntilOpeningThenFrozen() {
        String id = Fixtures.draftSurvey(COUNTY, 2030);
        as(admin()).get("/api/v1/surveys/" + id + "/questionnaires").then().statusCode(200)
                .body("PUBLIC.title", equalTo("社会卷")).body("STAFF.title", equalTo("校长教师卷"))
                .body("STUDENT.title", equalTo("学生卷"))
                .body("PUBLIC.groups", containsInAnyOrder("PARENT", "NPC_DEPUTY", "CPPCC_MEMBER", "PUBLIC"))
                .body("PUBLIC.items", hasSize(10)).body("STAFF.items", hasSize(10)).body("STUDENT.items", hasSize(8));
        List<Map<String, String>> items = List.of(Map.of("id", "S01", "text", "你喜欢你的学校吗？"),
                Map.of("id", "S02", "text", "你对老师是否认可？"));
        as(admin()).body(Map.of("items", items)).put("/api/v1/surveys/" + id + "/questionnaires/STUDENT").then()
                .statusCode(200).body("items", hasSize(2));
        as(admin()).body(Map.of("items", List.of(Map.of("id", "A", "text", "x"), Map.of("id", "A", "text", " "))))
                .put("/api/v1/surveys/" + id + "/questionnaires/STUDENT").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("items[1].id", "items[1].text"));
        as(admin()).body(Map.of("items", items)).put("/api/v1/surveys/" + id + "/questionnaires/EXAM").then()
                .statusCode(404);
        as(admin()).post("/api/v1/surveys/" + id + "/open").then().statusCode(200);
        as(admin()).body(Map.of("items", items)).put("/api/v1/surveys/" + id + "/questionnaires/STUDENT").then()
                .statusCode(409).contentType(ContentType.fromContentType("application/problem+json"));
        as(admin()).get("/api/v1/surveys/" + id + "/questionnaires").then().body("STUDENT.items", hasSize(2));
    }

    @Test
    void campaignsOpenAndCloseByTheirTimes() {
        Instant opens = Instant.now().plusSeconds(1);
        String id = createSurvey(admin(), COUNTY, 2032, opens, opens.plusSeconds(3)).then().statusCode(201)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "OPEN".equals(as(admin()).get("/api/v1/surveys/" + id).path("status")));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "CLOSED".equals(as(admin()).get("/api/v1/surveys/" + id).path("status")));
        as(admin()).post("/api/v1/surveys/" + id + "/open").then().statusCode(409);
        as(admin()).post("/api/v1/surveys/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
    }
}
