package io.balance.supervision.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.EmbeddedPostgresServer;
import io.balance.supervision.Evaluations;
import io.balance.supervision.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The review on the real PostgreSQL and Kafka, with a county admin, a city reviewer and a province reviewer:
 * county → city → province → publication → recognised (a passing county) or not recognised (a failing one);
 * a county deciding its own stage, a city deciding the province's, one person taking two steps: 403; a return
 * with comments and problems; a snapshot that later data never changes.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class ReviewFlowTest {
    static final String CITY = "997700";
    static final String PROVINCE = "990000";

    final String city = Tokens.of("city-reviewer", "REVIEWER", CITY);
    final String province = Tokens.of("province-reviewer", "REVIEWER", PROVINCE);

    static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    static String reviews(String county) {
        return "/api/v1/counties/" + county + "/reviews/2025";
    }

    /** The evaluation the service holds for the county (the consumer has caught up when a target reads it). */
    static void evaluated(String county, long revision, String verdict, boolean complies) {
        try (Evaluations events = new Evaluations()) {
            events.send(Evaluations.event(county, 2025, revision, verdict, Evaluations.primary(20, 0, List.of(
                    Evaluations.school(county + "0101", complies, complies ? Map.of() : Map.of("R5", 300.0)))), List.of()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                    "select revision from evaluation_state where county_code = ? and year = 2025")) {
                ps.setString(1, county);
                var rs = ps.executeQuery();
                return rs.next() && rs.getLong(1) == revision;
            }
        });
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(EmbeddedInfra.postgres().jdbcUrl("supervision"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    /** The objection window passes: it closed yesterday. */
    static void windowPassed(String county) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "update review_process set window_closes = current_date - 2 where county_code = ? and year = 2025")) {
            ps.setString(1, county);
            assertEquals(1, ps.executeUpdate());
        }
    }

    void throughProvince(String county, String countyAdmin) {
        String digest = as(countyAdmin).body("{\"comments\":\"自评完成\"}").post(reviews(county) + "/submit")
                .then().statusCode(200).body("stage", is("CITY_REVIEW")).body("snapshots", hasSize(1))
                .extract().path("snapshotDigest");
        // the county never decides its own stage; the province does not decide the city's
        as(countyAdmin).body("{\"decision\":\"PASS\"}").post(reviews(county) + "/decision").then().statusCode(403);
        as(province).body("{\"decision\":\"PASS\"}").post(reviews(county) + "/decision").then().statusCode(403);
        as(city).body("{\"decision\":\"PASS\",\"comments\":\"市级复核通过\"}").post(reviews(county) + "/decision")
                .then().statusCode(200).body("stage", is("PROVINCE_EVALUATION")).body("status", is("OPEN"));
        // a city reviewer does not decide the province's evaluation, nor publish
        as(city).body("{\"decision\":\"PASS\"}").post(reviews(county) + "/decision").then().statusCode(403);
        as(province).body("{\"decision\":\"PASS\"}").post(reviews(county) + "/decision")
                .then().statusCode(200).body("stage", is("PROVINCE_EVALUATION")).body("status", is("PASSED"))
                .body("snapshots", hasSize(3));
        as(city).body("{}").post(reviews(county) + "/publish").then().statusCode(403);
        as(countyAdmin).body("{}").post(reviews(county) + "/publish").then().statusCode(403);
        as(province).body("{\"days\":5}").post(reviews(county) + "/publish")
                .then().statusCode(200).body("stage", is("PUBLICATION"));
        assertNotEquals(null, digest);
    }

    @Test
    void aPassingCountyIsRecognised() throws Exception {
        String county = "997701";
        String countyAdmin = Tokens.of("county-admin-1", "COUNTY_ADMIN", county);
        evaluated(county, 1, "PASS", true);
        throughProvince(county, countyAdmin);

        given().get("/api/v1/public/publications/" + county + "/2025").then().statusCode(200)
                .body("verdict", is("PASS")).body("windowOpen", is(true))
                .body("stages[0].indicators[0].id", is("R5")).body("stages[0].indicators[0].cv", equalTo(0.31f))
                .body("recognitionRate", equalTo(0.9f));
        // an objection becomes an OBJECTION problem in the ledger; the province dismisses it
        int problemId = given().contentType(ContentType.JSON).body("{\"text\":\"某校体育场地数据与实际不符\"}")
                .post("/api/v1/public/publications/" + county + "/2025/objections")
                .then().statusCode(201).extract().path("problemId");
        as(countyAdmin).get("/api/v1/problems/" + problemId).then().statusCode(200).body("source", is("OBJECTION"));
        int objectionId = as(province).get(reviews(county) + "/objections").then().statusCode(200)
                .extract().path("[0].id");
        as(countyAdmin).body("{\"upheld\":false}").post(reviews(county) + "/objections/" + objectionId + "/decision")
                .then().statusCode(403);
        as(province).body("{\"upheld\":false,\"reason\":\"经核实数据无误\"}")
                .post(reviews(county) + "/objections/" + objectionId + "/decision")
                .then().statusCode(200).body("decision", is("DISMISSED"));

        windowPassed(county);
        as(countyAdmin).get(reviews(county)).then().statusCode(200).body("stage", is("RECOGNISED"))
                .body("history.action", hasItem("RECOGNISED"));
        given().get("/api/v1/public/publications/" + county + "/2025").then().statusCode(200)
                .body("stage", is("RECOGNISED")).body("windowOpen", is(false));
    }

    @Test
    void aFailingCountyIsNotRecognisedWithItsOpenProblems() throws Exception {
        String county = "997702";
        String countyAdmin = Tokens.of("county-admin-2", "COUNTY_ADMIN", county);
        evaluated(county, 1, "FAIL", false);
        throughProvince(county, countyAdmin);
        given().get("/api/v1/public/publications/" + county + "/2025").then().statusCode(200).body("verdict", is("FAIL"));
        windowPassed(county);
        as(countyAdmin).get(reviews(county)).then().statusCode(200).body("stage", is("NOT_RECOGNISED"))
                .body("openProblems.size()", is(1)).body("openProblems[0].schoolCode", is(county + "0101"));
    }

    @Test
    void aReturnNeedsCommentsAndAddsProblems() {
        String county = "997703";
        String countyAdmin = Tokens.of("county-admin-3", "COUNTY_ADMIN", county);
        evaluated(county, 1, "PASS", true);
        as(countyAdmin).body("{}").post(reviews(county) + "/submit").then().statusCode(200);
        as(city).body("{\"decision\":\"RETURN\"}").post(reviews(county) + "/decision")
                .then().statusCode(400).body("errors[0].field", is("comments"));
        as(city).body("{\"decision\":\"MAYBE\"}").post(reviews(county) + "/decision")
                .then().statusCode(400).body("errors[0].field", is("decision"));
        as(city).body("{\"decision\":\"RETURN\",\"comments\":\"功能室数据需补充佐证\",\"problems\":[{\"title\":\"补充音乐教室佐证材料\",\"schoolCode\":\""
                + county + "0101\"}]}").post(reviews(county) + "/decision")
                .then().statusCode(200).body("stage", is("SELF_EVALUATION"))
                .body("history[1].comments", is("功能室数据需补充佐证"));
        as(countyAdmin).get("/api/v1/counties/" + county + "/problems?year=2025&source=MANUAL").then().statusCode(200)
                .body("items.title", hasItem("补充音乐教室佐证材料"));
        // a new submission is a new version of the figures
        as(countyAdmin).body("{}").post(reviews(county) + "/submit").then().statusCode(200).body("snapshots", hasSize(2));
        // submitting again at CITY_REVIEW is a conflict
        as(countyAdmin).body("{}").post(reviews(county) + "/submit").then().statusCode(409);
    }

    @Test
    void laterDataNeverChangesASnapshot() throws Exception {
        String county = "997704";
        String countyAdmin = Tokens.of("county-admin-4", "COUNTY_ADMIN", county);
        evaluated(county, 1, "PASS", true);
        String digest = as(countyAdmin).body("{}").post(reviews(county) + "/submit").then().statusCode(200)
                .extract().path("snapshotDigest");
        String body = as(countyAdmin).get(reviews(county) + "/snapshots/1").then().statusCode(200).extract().asString();
        assertEquals(digest, SnapshotService.sha256(body), "the body served is the one digested");
        // a report changed after submission: the evaluation moves on, the snapshot does not
        evaluated(county, 2, "FAIL", false);
        String again = as(countyAdmin).get(reviews(county) + "/snapshots/1").then().statusCode(200).extract().asString();
        assertEquals(body, again);
        as(countyAdmin).get(reviews(county)).then().body("snapshotDigest", is(digest)).body("verdict", is("PASS"));
        // and not even the database lets it change
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "update review_snapshot set body = '{}' where county_code = ?")) {
            ps.setString(1, county);
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, ps::executeUpdate);
        }
        as(countyAdmin).get(reviews(county) + "/snapshots/9").then().statusCode(404);
        as(Tokens.of("other", "COUNTY_ADMIN", "997705")).get(reviews(county)).then().statusCode(404);
    }

    @Test
    void onePersonNeverTakesTwoSteps() {
        String county = "997706";
        evaluated(county, 1, "PASS", true);
        String admin = Tokens.admin();
        as(admin).body("{}").post(reviews(county) + "/submit").then().statusCode(200);
        as(admin).body("{\"decision\":\"PASS\"}").post(reviews(county) + "/decision").then().statusCode(403);
        as(city).body("{\"decision\":\"PASS\"}").post(reviews(county) + "/decision").then().statusCode(200);
    }

    @Test
    void objectionsBeyondTenAnHourAre429() throws Exception {
        String county = "997707";
        evaluated(county, 1, "PASS", true);
        throughProvince(county, Tokens.of("county-admin-7", "COUNTY_ADMIN", county));
        String url = "/api/v1/public/publications/" + county + "/2025/objections";
        // one address (as the gateway forwards it): ten an hour, then 429; another address is still heard
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").contentType(ContentType.JSON)
                    .body("{\"text\":\"异议 " + i + "\",\"contact\":\"138\"}").post(url).then().statusCode(201);
        }
        given().header("X-Forwarded-For", "203.0.113.7").contentType(ContentType.JSON).body("{\"text\":\"第十一条\"}")
                .post(url).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().header("X-Forwarded-For", "203.0.113.8").contentType(ContentType.JSON).body("{\"text\":\"另一来源\"}")
                .post(url).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}").post(url).then().statusCode(400)
                .body("errors[0].field", is("text"));
        // the page shows the announcement and takes objections as a plain form too
        given().get("/p/" + county + "/2025").then().statusCode(200).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("评估结论"));
        given().get("/p/999999/2025").then().statusCode(404);
    }
}
