package io.balance.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.EvaluationChangedV1;
import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger from gap to 销号 on the real PostgreSQL and Kafka: an evaluation with a school below R5 becomes one
 * problem with its gap in m²; the same event again changes nothing; assignment, evidence, RECTIFIED; a county
 * cannot verify; the city's reviewer cannot while the data is NOT_MET, can once a later revision meets R5;
 * a revision failing again reopens it; every change is in the history.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class LedgerFlowTest {
    static final String COUNTY = "999801";
    static final String SCHOOL = "1199980101";
    static final String MANUAL_COUNTY = "999804";
    static final String KEY = "2025/QUALITY_2017/school/" + SCHOOL + "/PRIMARY/R5";

    final String countyAdmin = Tokens.of("county-admin", "COUNTY_ADMIN", COUNTY);
    final String cityReviewer = Tokens.of("city-reviewer", "REVIEWER", "999800");
    final String otherCounty = Tokens.of("other", "COUNTY_ADMIN", "999802");

    private io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    private Map<String, Object> problemByKey(String key) {
        List<Map<String, Object>> items = as(countyAdmin).get("/api/v1/counties/" + COUNTY + "/problems?year=2025&size=500")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(p -> key.equals(p.get("key"))).findFirst().orElse(null);
    }

    @Test
    void fromGapToVerifiedAndReopened() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Evaluations events = new Evaluations()) {
            // r1: school below R5 by 1,250.5 m²; another school complies
            EvaluationChangedV1 r1 = Evaluations.event(COUNTY, 2025, 1, "FAIL", Evaluations.primary(20, 0, List.of(
                    Evaluations.school(SCHOOL, false, Map.of("R5", 1250.5)),
                    Evaluations.school("1199980102", true, Map.of()))), List.of());
            events.send(r1);
            await().atMost(Duration.ofSeconds(90)).until(() -> problemByKey(KEY) != null);
            Map<String, Object> p = problemByKey(KEY);
            long id = ((Number) p.get("id")).longValue();
            assertEquals("OPEN", p.get("status"));
            assertEquals("NOT_MET", p.get("dataStatus"));
            assertEquals("m2", ((Map<?, ?>) p.get("gap")).get("unit"));
            assertEquals(1250.5, ((Number) ((Map<?, ?>) p.get("gap")).get("amount")).doubleValue());
            assertEquals(SCHOOL, p.get("schoolCode"));
            assertEquals("EVALUATION", p.get("source"));
            as(countyAdmin).get("/api/v1/counties/" + COUNTY + "/problems?year=2025").then().body("total", is(1));

            // the same event again, and a replay of the same revision under a new eventId: nothing new
            events.send(r1);
            events.send(Evaluations.event(COUNTY, 2025, 1, "FAIL", r1.details(), List.of()));
            // a marker event for another county shows the consumer has passed both
            events.send(Evaluations.event("999803", 2025, 1, "FAIL", Evaluations.primary(1, 0, List.of(
                    Evaluations.school("1199980301", false, Map.of("R5", 1.0)))), List.of()));
            await().atMost(Duration.ofSeconds(90)).until(() -> as(Tokens.admin())
                    .get("/api/v1/counties/999803/problems").then().extract().<Integer>path("total") == 1);
            as(countyAdmin).get("/api/v1/counties/" + COUNTY + "/problems?year=2025").then().body("total", is(1));
            as(countyAdmin).get("/api/v1/problems/" + id).then().statusCode(200).body("history.size()", is(1))
                    .body("revision", is(1));

            // assignment: unknown department and past deadline are 400s naming the field, nothing changes
            as(countyAdmin).contentType(ContentType.JSON).body(Map.of("department", "NOPE"))
                    .patch("/api/v1/problems/" + id).then().statusCode(400)
                    .body("errors.field", hasItem("department"));
            as(countyAdmin).contentType(ContentType.JSON).body(Map.of("deadline", today.minusDays(1).toString()))
                    .patch("/api/v1/problems/" + id).then().statusCode(400).body("errors.field", hasItem("deadline"));
            as(countyAdmin).get("/api/v1/problems/" + id).then().body("revision", is(1)).body("status", is("OPEN"));
            as(countyAdmin).contentType(ContentType.JSON)
                    .body(Map.of("department", "EDU", "owner", "张明", "deadline", today.plusDays(60).toString()))
                    .patch("/api/v1/problems/" + id).then().statusCode(200)
                    .body("status", is("RECTIFYING")).body("department", is("EDU")).body("owner", is("张明"))
                    .body("overdue", is(false));

            // evidence: a PDF is stored with its SHA-256; a mislabelled file is refused and nothing is stored
            byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            String evidenceId = as(countyAdmin).multiPart("file", "操场扩建验收.pdf", pdf, "application/pdf")
                    .post("/api/v1/problems/" + id + "/evidence").then().statusCode(201)
                    .body("sha256", is(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))))
                    .body("size", is(pdf.length)).body("contentType", is("application/pdf")).extract().path("id");
            as(countyAdmin).multiPart("file", "photo.png", pdf, "image/png")
                    .post("/api/v1/problems/" + id + "/evidence").then().statusCode(400)
                    .body("errors[0].field", is("file")).body("errors[0].message", org.hamcrest.Matchers.containsString("mislabelled"));
            as(countyAdmin).get("/api/v1/problems/" + id).then().body("evidence.size()", is(1));

            // RECTIFIED needs a note and evidence of this problem
            as(countyAdmin).contentType(ContentType.JSON).body(Map.of("note", "已扩建", "evidence", List.of("x")))
                    .post("/api/v1/problems/" + id + "/rectified").then().statusCode(400)
                    .body("errors.field", hasItem("evidence[0]"));
            as(countyAdmin).contentType(ContentType.JSON)
                    .body(Map.of("note", "新建塑胶运动场 1,300 m² 已验收", "evidence", List.of(evidenceId)))
                    .post("/api/v1/problems/" + id + "/rectified").then().statusCode(200).body("status", is("RECTIFIED"));

            // a county never closes its own problems; another county does not even see it
            as(countyAdmin).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                    .post("/api/v1/problems/" + id + "/verify").then().statusCode(403);
            as(otherCounty).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                    .post("/api/v1/problems/" + id + "/verify").then().statusCode(404);
            // the city's reviewer: not while the data still shows the gap
            as(cityReviewer).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                    .post("/api/v1/problems/" + id + "/verify").then().statusCode(409);

            // r2: the school now meets R5 → dataStatus MET; the reviewer verifies (销号)
            events.send(Evaluations.event(COUNTY, 2025, 2, "PASS", Evaluations.primary(20, 0, List.of(
                    Evaluations.school(SCHOOL, true, Map.of()), Evaluations.school("1199980102", true, Map.of()))),
                    List.of()));
            await().atMost(Duration.ofSeconds(90)).until(() -> "MET".equals(problemByKey(KEY).get("dataStatus")));
            as(cityReviewer).contentType(ContentType.JSON).body(Map.of("note", "现场核验通过"))
                    .post("/api/v1/problems/" + id + "/verify").then().statusCode(200)
                    .body("status", is("VERIFIED")).body("dataStatus", is("MET"));
            // an unknown transition is a 409 and changes nothing
            as(cityReviewer).contentType(ContentType.JSON).body(Map.of("note", "again"))
                    .post("/api/v1/problems/" + id + "/verify").then().statusCode(409)
                    .body("type", org.hamcrest.Matchers.endsWith("invalid-transition"));

            // r3: fails again → REOPENED automatically, with a note
            events.send(Evaluations.event(COUNTY, 2025, 3, "FAIL", Evaluations.primary(20, 0, List.of(
                    Evaluations.school(SCHOOL, false, Map.of("R5", 80.0)), Evaluations.school("1199980102", true, Map.of()))),
                    List.of()));
            await().atMost(Duration.ofSeconds(90)).until(() -> "REOPENED".equals(problemByKey(KEY).get("status")));
            Response read = as(countyAdmin).get("/api/v1/problems/" + id);
            read.then().statusCode(200).body("dataStatus", is("NOT_MET")).body("gap.amount", equalTo(80))
                    .body("history.action", equalTo(List.of("CREATED", "ASSIGNED", "RECTIFIED", "DATA_MET", "VERIFIED",
                            "REOPENED")))
                    .body("history[1].actor", is("county-admin")).body("history[2].note", is("新建塑胶运动场 1,300 m² 已验收"))
                    .body("history[4].actorRole", is("REVIEWER")).body("history[0].from", nullValue());
            String reopenNote = read.path("history[5].note");
            assertTrue(reopenNote.contains("自动重新打开"), reopenNote);
            // an older revision arriving late changes nothing
            events.send(Evaluations.event(COUNTY, 2025, 2, "PASS", Evaluations.primary(20, 0, List.of(
                    Evaluations.school(SCHOOL, true, Map.of()))), List.of()));
            Thread.sleep(1500);
            as(countyAdmin).get("/api/v1/problems/" + id).then().body("status", is("REOPENED"))
                    .body("dataStatus", is("NOT_MET"));
        }
    }

    @Test
    void manualProblemRulesAndReopen() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String manualAdmin = Tokens.of("manual-admin", "COUNTY_ADMIN", MANUAL_COUNTY);
        as(manualAdmin).contentType(ContentType.JSON).body(Map.of("year", 2025, "title", "x", "deadline",
                today.minusDays(3).toString(), "department", "NOPE"))
                .post("/api/v1/counties/" + MANUAL_COUNTY + "/problems").then().statusCode(400)
                .body("errors.field", equalTo(List.of("department", "deadline")));
        int id = as(manualAdmin).contentType(ContentType.JSON).body(Map.of("year", 2025, "title", "校门口交通安全隐患",
                "deadline", today.plusDays(10).toString()))
                .post("/api/v1/counties/" + MANUAL_COUNTY + "/problems").then().statusCode(201)
                .body("source", is("MANUAL")).body("status", is("OPEN")).body("dataStatus", nullValue())
                .extract().path("id");
        // reopen of an OPEN problem is not a transition
        as(manualAdmin).contentType(ContentType.JSON).body(Map.of("note", "why"))
                .post("/api/v1/problems/" + id + "/reopen").then().statusCode(409);
        as(manualAdmin).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/problems/" + id + "/reopen")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        // a school reporter and another county see nothing
        as(Tokens.of("r", "SCHOOL_REPORTER", "1199980101")).get("/api/v1/problems/" + id).then().statusCode(404);
        as(otherCounty).get("/api/v1/counties/" + MANUAL_COUNTY + "/problems").then().statusCode(404);
        // a viewer of the province reads, may not change
        String viewer = Tokens.of("v", "VIEWER", "990000");
        as(viewer).get("/api/v1/problems/" + id).then().statusCode(200);
        as(viewer).contentType(ContentType.JSON).body(Map.of("owner", "x")).patch("/api/v1/problems/" + id)
                .then().statusCode(403);
        // bad filters name the parameter
        as(manualAdmin).get("/api/v1/counties/" + MANUAL_COUNTY + "/problems?status=DONE").then().statusCode(400)
                .body("errors[0].field", is("status"));
        as(manualAdmin).get("/api/v1/counties/99980/problems").then().statusCode(400);
    }
}
