package io.balance.indicator;

import static io.balance.indicator.Fixtures.school;
import static io.balance.indicator.IndicatorServiceTest.admin;
import static io.balance.indicator.IndicatorServiceTest.get;
import static io.balance.indicator.IndicatorServiceTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.indicator.Fixtures.Report;
import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a province's client relies on: named operations, typed answers, documented problems, the default set. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ApiContractTest {
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

    @Test
    void everyOperationHasAnOperationIdATypedAnswerAndItsProblems() throws Exception {
        String body = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode doc = Fixtures.JSON.readTree(body);
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) doc.path("paths")::fields) {
            for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                operations++;
                String where = op.getKey() + " " + path.getKey();
                if (!op.getValue().hasNonNull("operationId")) {
                    problems.add(where + ": no operationId");
                }
                JsonNode responses = op.getValue().path("responses");
                // the problem answers the kit's mappers give, as its ProblemResponsesFilter documents them: 401 on
                // every operation, 400 where there is input, 403 on changes, 404 where the path names something
                List<String> expected = new ArrayList<>(List.of("401"));
                if (op.getValue().has("requestBody") || op.getValue().path("parameters").size() > 0) {
                    expected.add("400");
                }
                if (!op.getKey().equals("get")) {
                    expected.add("403");
                }
                if (path.getKey().contains("{")) {
                    expected.add("404");
                }
                for (String status : expected) {
                    if (!responses.path(status).path("content").has("application/problem+json")) {
                        problems.add(where + ": no " + status + " problem");
                    }
                }
                boolean typed = false;
                for (var r : (Iterable<java.util.Map.Entry<String, JsonNode>>) responses::fields) {
                    if (r.getKey().startsWith("2") && r.getValue().path("content").path("application/json").has("schema")) {
                        typed = true;
                    }
                }
                if (!typed) {
                    problems.add(where + ": no typed 2xx schema");
                }
            }
        }
        assertTrue(operations >= 15, "operations: " + operations);
        assertEquals(List.of(), problems);
    }

    @Test
    void aJiangxiCountyIsJudgedByTheJiangxiSetUnlessAnotherIsAsked() {
        events.jurisdiction("360800", "吉安市", "CITY", "360000", 1);
        events.jurisdiction("360881", "井冈山市", "COUNTY", "360800", 1);
        events.report(school("3608810001", "360881", "PRIMARY"), YEAR, 1,
                Report.of().students("PRIMARY", 600).facilities(3000, 0, 0, 0, 0, 0).build());
        // the first events of a fresh broker can take a while on a loaded machine
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> get(token("VIEWER", "360881"), "/api/v1/counties/360881/evaluations/" + YEAR).statusCode(200)
                .body("basedOnReports", is(1)));
        get(token("VIEWER", "360881"), "/api/v1/counties/360881/evaluations/" + YEAR).statusCode(200)
                .body("ruleSet", is("JIANGXI_QUALITY_2017"))
                .body("ruleSetChoice.requested", nullValue())
                .body("ruleSetChoice.applied", is("JIANGXI_QUALITY_2017"))
                .body("ruleSetChoice.reason", containsString("360000"));
        get(token("VIEWER", "360881"), "/api/v1/counties/360881/evaluations/" + YEAR + "?ruleSet=QUALITY_2017").statusCode(200)
                .body("ruleSet", is("QUALITY_2017"))
                .body("ruleSetChoice.requested", is("QUALITY_2017"))
                .body("ruleSetChoice.reason", is("requested"));
        // the province's roll-up defaults to its set as well
        get(token("VIEWER", "360000"), "/api/v1/rollups/360000/" + YEAR).statusCode(200)
                .body("ruleSet", is("JIANGXI_QUALITY_2017"))
                .body("counties[0].countyCode", is("360881"));
    }

    @Test
    void theJiangxiSetIsStoredAsAPatchOnQuality2017AndReadAsTheFullSet() {
        get(admin(), "/api/v1/rule-sets/JIANGXI_QUALITY_2017").statusCode(200)
                .body("basedOn", is("QUALITY_2017"))
                .body("jurisdictionCode", is("360000"))
                .body("resources.indicators[1].numerator", is("teachers.backboneCityOrAbove"))
                .body("resources.indicators[3].standards.JUNIOR", is(5.8f))
                .body("assurance[15].id", is("JX1"));
        get(admin(), "/api/v1/rule-sets/JIANGXI_QUALITY_2017/versions").statusCode(200)
                .body("[0].version", is(1))
                .body("[0].basedOnVersion", is(1));
        // a check type outside the closed set is refused naming its field
        given().auth().oauth2(admin()).contentType("application/json")
                .body("{\"code\":\"BAD_TYPE_SET\",\"basedOn\":\"QUALITY_2017\",\"patch\":{\"assurance\":[{\"id\":\"G1\",\"type\":\"NOPE\"}]}}")
                .when().post("/api/v1/rule-sets").then().statusCode(400)
                .body("errors[0].field", is("assurance[0].type"));
    }
}
