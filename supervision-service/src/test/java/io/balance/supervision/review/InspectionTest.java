package io.balance.supervision.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.TopicWriter;
import io.balance.supervision.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Inspections against the approved report that arrived on {@code school.reports.v1}: 10 % below the reported
 * sports area → an INSPECTION problem and the school on the falsified-data list; 4 % below → nothing; an unknown
 * field → 400 naming it; the county itself may not inspect.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class InspectionTest {
    static final String COUNTY = "997801";
    static final String SCHOOL = "9978010101";
    static final String URL = "/api/v1/counties/" + COUNTY + "/reviews/2025/inspections";

    final String city = Tokens.of("city-inspector", "REVIEWER", "997800");
    final String countyAdmin = Tokens.of("county-admin", "COUNTY_ADMIN", COUNTY);

    static void approved(String school, double sportsArea) throws Exception {
        String event = """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-01-01T00:00:00Z","schoolCode":"%s","year":2025,
                 "revision":1,"approvedBy":"county","approvedAt":"2026-01-01T00:00:00Z",
                 "school":{"schoolCode":"%s","name":"伊水县第一小学","countyCode":"%s","type":"PRIMARY","location":"URBAN",
                           "publicSchool":true,"boarding":false},
                 "report":{"students":{"PRIMARY":600},"classSizes":{"PRIMARY":[45,44]},
                           "teachers":{"PRIMARY":{"fullTime":40,"aboveRequiredDegree":30,"backboneCountyOrAbove":8,
                             "backboneCityOrAbove":3,"peArtMusic":6,"intermediateTitleOrAbove":20,"certified":40,
                             "training360Completed":40,"rotationEligible":10,"rotated":1,"rotatedBackbone":0}},
                           "facilities":{"teachingAuxAreaM2":3000,"sportsAreaM2":%s,"equipmentValueYuan":1500000,
                             "multimediaClassrooms":15,"computers":60,"books":18000,"musicRoomAreasM2":[96.0],
                             "artRoomAreasM2":[90.0]},
                           "funding":{"publicFundsBudgetYuan":900000,"teacherTrainingFundsYuan":50000}}}
                """.formatted(UUID.randomUUID(), school, school, COUNTY, sportsArea);
        try (TopicWriter topic = new TopicWriter()) {
            topic.send(Topics.SCHOOL_REPORTS, school, event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = ReviewFlowTest.db();
                    PreparedStatement ps = c.prepareStatement("select 1 from approved_report where school_code = ?")) {
                ps.setString(1, school);
                return ps.executeQuery().next();
            }
        });
    }

    static String inspection(double sportsArea, double students) {
        return """
                {"schoolCode":"%s","inspector":"张督学","date":"2026-03-01",
                 "observed":{"facilities.sportsAreaM2":%s,"students.PRIMARY":%s}}""".formatted(SCHOOL, sportsArea, students);
    }

    @Test
    void differencesBeyondToleranceBecomeProblems() throws Exception {
        approved(SCHOOL, 6000);
        // the county inspecting itself: 403; a school of another county: 404
        given().header("Authorization", Tokens.bearer(countyAdmin)).contentType(ContentType.JSON)
                .body(inspection(5400, 600)).post(URL).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(city)).contentType(ContentType.JSON)
                .body(inspection(5400, 600).replace(SCHOOL, "9978020101")).post(URL).then().statusCode(404);
        // 10 % below the approved sports area (5,400 against 6,000): beyond 5 %; the pupils agree
        int problemId = given().header("Authorization", Tokens.bearer(city)).contentType(ContentType.JSON)
                .body(inspection(5400, 600)).post(URL).then().statusCode(201)
                .body("differences", hasSize(2))
                .body("differences.find { it.field == 'facilities.sportsAreaM2' }.deviation", is(-0.1f))
                .body("differences.find { it.field == 'facilities.sportsAreaM2' }.beyondTolerance", is(true))
                .body("differences.find { it.field == 'students.PRIMARY' }.beyondTolerance", is(false))
                .body("differences.find { it.field == 'students.PRIMARY' }.problemId", nullValue())
                .extract().path("differences.find { it.field == 'facilities.sportsAreaM2' }.problemId");
        given().header("Authorization", Tokens.bearer(countyAdmin)).get("/api/v1/problems/" + problemId)
                .then().statusCode(200).body("source", is("INSPECTION")).body("schoolCode", is(SCHOOL))
                .body("ref", is("facilities.sportsAreaM2"));
        // 4 % below (5,760): within the tolerance, no problem
        given().header("Authorization", Tokens.bearer(city)).contentType(ContentType.JSON)
                .body(inspection(5760, 600)).post(URL).then().statusCode(201)
                .body("differences.find { it.field == 'facilities.sportsAreaM2' }.beyondTolerance", is(false))
                .body("differences.find { it.field == 'facilities.sportsAreaM2' }.problemId", nullValue());
        given().header("Authorization", Tokens.bearer(countyAdmin)).get(URL).then().statusCode(200)
                .body("inspections", hasSize(2))
                .body("falsificationCandidates", hasSize(1))
                .body("falsificationCandidates[0].schoolCode", is(SCHOOL))
                .body("falsificationCandidates[0].fields[0]", is("facilities.sportsAreaM2"));
    }

    @Test
    void badInspectionsNameTheField() throws Exception {
        approved("9978010102", 3000);
        given().header("Authorization", Tokens.bearer(city)).contentType(ContentType.JSON)
                .body("""
                        {"schoolCode":"9978010102","inspector":"李督学","date":"2026-03-01",
                         "observed":{"facilities.nope":1,"classSizes.PRIMARY":44}}""")
                .post(URL).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("observed.facilities.nope", "observed.classSizes.PRIMARY"));
        given().header("Authorization", Tokens.bearer(city)).contentType(ContentType.JSON)
                .body("{\"schoolCode\":\"9978010102\",\"inspector\":\"\",\"date\":\"2026-03-01\",\"observed\":{}}")
                .post(URL).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("inspector", "observed"));
        given().header("Authorization", Tokens.bearer(countyAdmin)).get(URL).then().statusCode(200)
                .body("inspections.findAll { it.schoolCode == '9978010102' }", hasSize(0));
        given().header("Authorization", Tokens.bearer(city)).get(URL).then().statusCode(200)
                .body("falsificationCandidates", notNullValue());
    }
}
