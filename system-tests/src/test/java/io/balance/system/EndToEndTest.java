package io.balance.system;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform's main path, every hop real: a province administrator registers a new county and its schools in
 * school-service through the gateway, the school reporter writes and submits its report, the county approves it;
 * school-service's outbox publishes on Kafka, indicator-service consumes, and the county evaluation read through
 * the gateway changes within seconds.
 */
@ExtendWith(SystemStack.class)
@Order(3)
class EndToEndTest {
    static final String COUNTY = "410323"; // 新安县, in the fixture's province 410000 / city 410300
    static final List<String> SCHOOLS = List.of("4103230001", "4103230002");
    static final String EVALUATION = "/api/v1/counties/" + COUNTY + "/evaluations/" + World.YEAR + "?ruleSet=QUALITY_2017";

    @Test
    void approvingAReportChangesTheCountyEvaluation() {
        World.Side a = SystemStack.world().a;
        String province = a.tokens.get(Role.PROVINCE_ADMIN);
        World.put(province, "/api/v1/jurisdictions/" + COUNTY, Map.of("name", "新安县", "level", "COUNTY",
                "parentCode", a.city, "residentPopulation", 480000));
        for (String school : SCHOOLS) {
            World.put(province, "/api/v1/schools/" + school, World.school(COUNTY, "新安县小学" + school.substring(8)));
        }
        World.as(province).contentType(ContentType.JSON).body(Map.of("username", "ca-" + COUNTY,
                        "password", World.PASSWORD, "role", "COUNTY_ADMIN", "jurisdiction", COUNTY))
                .post("/api/v1/users").then().statusCode(201);
        String county = World.signIn("ca-" + COUNTY, World.PASSWORD);
        World.as(county).contentType(ContentType.JSON).body(Map.of("username", "rep-" + SCHOOLS.get(0),
                        "password", World.PASSWORD, "role", "SCHOOL_REPORTER", "jurisdiction", SCHOOLS.get(0)))
                .post("/api/v1/users").then().statusCode(201);
        String reporter = World.signIn("rep-" + SCHOOLS.get(0), World.PASSWORD);
        String report = World.resource("fixture/report.json");

        // both schools report; nothing is approved yet, so nothing counts
        String first = "/api/v1/schools/" + SCHOOLS.get(0) + "/reports/" + World.YEAR;
        String second = "/api/v1/schools/" + SCHOOLS.get(1) + "/reports/" + World.YEAR;
        World.as(reporter).contentType(ContentType.JSON).body(report).put(first).then().statusCode(201);
        World.as(reporter).post(first + "/submit").then().statusCode(200).body("status", is("SUBMITTED"));
        World.as(reporter).post(first + "/approve").then().statusCode(403); // never the school itself
        World.as(county).contentType(ContentType.JSON).body(report).put(second).then().statusCode(201);
        World.as(county).post(second + "/submit").then().statusCode(200);
        int before = basedOnReports(county);
        assertEquals(0, before, "no approved report yet");

        World.as(county).post(first + "/approve").then().statusCode(200).body("status", is("APPROVED"));
        Awaitility.await("evaluation counts the first approved report").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).until(() -> basedOnReports(county) == 1);

        World.as(county).post(second + "/approve").then().statusCode(200);
        Awaitility.await("evaluation counts both approved reports").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).until(() -> basedOnReports(county) == 2);

        JsonPath evaluation = World.as(county).get(EVALUATION).then().statusCode(200).extract().jsonPath();
        assertEquals(COUNTY, evaluation.getString("countyCode"));
        assertEquals(World.YEAR, evaluation.getInt("year"));
        assertEquals(2, evaluation.getInt("stages.PRIMARY.includedSchools"));
        List<String> codes = evaluation.getList("stages.PRIMARY.schools.schoolCode");
        assertTrue(codes.containsAll(SCHOOLS), "schools in the evaluation: " + codes);
        // hand-computed: two identical reports give identical school values, so every defined CV is 0
        Map<String, Map<String, Object>> indicators = evaluation.getMap("stages.PRIMARY.indicators");
        assertTrue(!indicators.isEmpty(), "no PRIMARY indicators: " + evaluation.prettify());
        indicators.forEach((code, indicator) -> {
            Object cv = indicator.get("cv");
            if (cv != null) {
                assertEquals(0.0, ((Number) cv).doubleValue(), 1e-9, code + " cv of two identical schools");
            }
        });

        // the other province never sees it
        World.as(SystemStack.world().b.tokens.get(Role.PROVINCE_ADMIN)).get(EVALUATION).then().statusCode(404);
    }

    private static int basedOnReports(String token) {
        var response = World.as(token).get(EVALUATION);
        if (response.statusCode() == 404) {
            return -1; // indicator-service has not heard of the county yet
        }
        return response.then().statusCode(200).extract().jsonPath().getInt("basedOnReports");
    }
}
