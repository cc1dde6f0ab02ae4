package io.balance.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The satisfaction survey (社会认可度) end to end, every hop real: the city's reviewer (督学) runs the county's
 * campaign through the gateway (the county under evaluation may not: 403, and its codes are a 404 to it),
 * parents answer the public questionnaire without logging in, survey-service computes the recognition rate and
 * publishes it through its outbox on Kafka, and indicator-service shows it as the recognition part of the county
 * evaluation read through the gateway. The rate is computed by hand (5/6), with 不了解 leaving the denominator and
 * an answer never read (a blind POST) flagged, reviewed and rejected by the reviewer, and left out.
 */
@ExtendWith(SystemStack.class)
@Order(4)
class SurveyRecognitionTest {
    static final String COUNTY = "410324"; // 栾川县, a new county in the fixture's city 410300
    static final String SCHOOL = "4103240001";
    static final String EVALUATION = "/api/v1/counties/" + COUNTY + "/evaluations/" + World.YEAR + "?ruleSet=QUALITY_2017";
    static final double FIVE_SIXTHS = 5.0 / 6;
    /** Rates as doubles: REST-assured's default reads 0.8333333333333334 as a float. */
    static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    @Test
    void parentsAnswersBecomeTheRecognitionPartOfTheEvaluation() throws InterruptedException {
        World.Side a = SystemStack.world().a;
        String province = a.tokens.get(Role.PROVINCE_ADMIN);
        // under 400 000 residents: a fixed sample of 600
        World.put(province, "/api/v1/jurisdictions/" + COUNTY, Map.of("name", "栾川县", "level", "COUNTY",
                "parentCode", a.city, "residentPopulation", 300000));
        for (String school : List.of(SCHOOL, "4103240002")) {
            World.put(province, "/api/v1/schools/" + school, World.school(COUNTY, "栾川县小学" + school.substring(8)));
        }
        World.as(province).contentType(ContentType.JSON).body(Map.of("username", "ca-" + COUNTY,
                        "password", World.PASSWORD, "role", "COUNTY_ADMIN", "jurisdiction", COUNTY))
                .post("/api/v1/users").then().statusCode(201);
        String county = World.signIn("ca-" + COUNTY, World.PASSWORD);
        World.as(province).contentType(ContentType.JSON).body(Map.of("username", "rv-" + a.city,
                        "password", World.PASSWORD, "role", "REVIEWER", "jurisdiction", a.city))
                .post("/api/v1/users").then().statusCode(201);
        String reviewer = World.signIn("rv-" + a.city, World.PASSWORD);

        // survey-service learns the county from school-service's events: retry until it has
        AtomicReference<Response> created = new AtomicReference<>();
        Awaitility.await("survey-service knows county " + COUNTY).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    created.set(World.as(reviewer).contentType(ContentType.JSON)
                            .body(Map.of("countyCode", COUNTY, "year", World.YEAR,
                                    "opensAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                    "closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                            .post("/api/v1/surveys"));
                    return created.get().statusCode() == 201;
                });
        JsonPath campaign = created.get().jsonPath();
        String survey = "/api/v1/surveys/" + campaign.getString("id");
        // the county under evaluation does not run its own survey
        World.as(county).contentType(ContentType.JSON).post(survey + "/open").then().statusCode(403)
                .contentType("application/problem+json");
        World.as(county).get(survey).then().statusCode(200).body("status", is("DRAFT"));
        // hand-computed plan: parents ceil(600 × 0.5) = 300, the six other groups (600 − 300) / 6 = 50 each
        assertEquals(600, campaign.getInt("samplePlan.total"));
        assertEquals(Map.of("STUDENT", 50, "PARENT", 300, "TEACHER", 50, "PRINCIPAL", 50, "NPC_DEPUTY", 50,
                "CPPCC_MEMBER", 50, "PUBLIC", 50), campaign.getMap("samplePlan.byGroup"));

        // two items instead of ten: TOO_FAST allows 2 s an item, so the wait below stays short
        World.as(reviewer).contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("id", "P01", "text", "您对本县（区）推进义务教育优质均衡发展、促进教育公平的政策和举措是否认可？"),
                        Map.of("id", "P10", "text", "总体而言，您对本县（区）义务教育的质量是否认可？"))))
                .put(survey + "/questionnaires/PUBLIC").then().statusCode(200).body("items.id", contains("P01", "P10"));
        // a body-less action, sent as JSON as a browser's fetch does (REST-assured would default to a form type: 415)
        World.as(reviewer).contentType(ContentType.JSON).post(survey + "/open").then().statusCode(200)
                .body("status", is("OPEN"));

        // survey-service may hear of the school a little after the county
        AtomicReference<Response> issued = new AtomicReference<>();
        Awaitility.await("survey-service knows school " + SCHOOL).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    issued.set(World.as(reviewer).contentType(ContentType.JSON)
                            .body(Map.of("schoolCode", SCHOOL, "group", "PARENT", "count", 5))
                            .post(survey + "/invitations"));
                    return issued.get().statusCode() == 201;
                });
        List<String> codes = issued.get().jsonPath().getList("codes", String.class);
        assertEquals(5, codes.size());
        String batch = issued.get().jsonPath().getString("batchId");
        // never the codes to the county: its batches and slip sheets are a 404, issuing its own a 403
        World.as(county).get(survey + "/invitations").then().statusCode(404);
        World.as(county).get(survey + "/invitations/batches/" + batch + "/sheet.pdf").then().statusCode(404);
        World.as(county).contentType(ContentType.JSON).body(Map.of("schoolCode", SCHOOL, "group", "PARENT",
                "count", 5)).post(survey + "/invitations").then().statusCode(403);

        // four parents open their questionnaire (no login); this stamps the start of their timing
        for (String code : codes.subList(0, 4)) {
            given().get("/api/v1/public/questionnaires/" + code).then().statusCode(200)
                    .body("group", is("PARENT")).body("items.id", contains("P01", "P10"));
        }
        long fetched = System.nanoTime();
        // The one sleep: TOO_FAST flags an answer sent sooner than 2 s an item (here 4 s) after its questionnaire was
        // first opened, on the service's clock; there is no event to wait for, only time to pass. 4.5 s after the
        // last of the four fetches leaves a margin.
        Thread.sleep(Math.max(0, 4500 - (System.nanoTime() - fetched) / 1_000_000));

        answer(codes.get(0), "RECOGNISE", "MOSTLY"); // 2 recognised of 2 counted
        answer(codes.get(1), "RECOGNISE", "NOT"); // 1 of 2
        answer(codes.get(2), "UNKNOWN", "RECOGNISE"); // 1 of 1: 不了解 leaves the denominator
        answer(codes.get(3), "MOSTLY", "UNKNOWN"); // 1 of 1
        answer(codes.get(4), "NOT", "NOT"); // never fetched: a blind POST, flagged TOO_FAST, kept but excluded
        // one answer per invitation: a retry of the same page load gets its receipt again; any other submission is a
        // 409, with the same answers as with different ones (a code's holder learns nothing of what was answered)
        answer(codes.get(0), "RECOGNISE", "MOSTLY");
        submit(codes.get(0), "another-page-load", "RECOGNISE", "MOSTLY").then().statusCode(409)
                .contentType("application/problem+json");
        submit(codes.get(0), "another-page-load", "NOT", "NOT").then().statusCode(409)
                .contentType("application/problem+json");

        // the county sees no results while the survey runs
        World.as(county).get(survey + "/results").then().statusCode(403);
        World.as(county).get(survey + "/flagged").then().statusCode(403);
        // the reviewer looks at the flagged answer and rejects it, with a reason (audited)
        JsonPath flagged = json(World.as(reviewer).get(survey + "/flagged").then().statusCode(200).extract().response());
        assertEquals(List.of(List.of("TOO_FAST")), flagged.getList("flags"));
        assertNull(flagged.get("[0].durationMs"));
        World.as(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "REJECT",
                        "reason", "从未打开问卷即提交"))
                .post(survey + "/flagged/" + flagged.getLong("[0].responseId") + "/review").then().statusCode(200)
                .body("decision", is("REJECT")).body("reviewedBy", is("rv-" + a.city));

        // hand-computed: (2 + 1 + 1 + 1) / (2 + 2 + 1 + 1) = 5/6 over the 4 valid answers; the service does not round
        JsonPath results = json(World.as(reviewer).get(survey + "/results").then().statusCode(200).extract().response());
        assertEquals(FIVE_SIXTHS, results.getDouble("rate"), 1e-9);
        assertEquals(4, results.getInt("valid"));
        assertEquals(1, results.getInt("flagged"));
        assertEquals(0, results.getInt("pendingReview"));
        assertEquals(1, results.getInt("rejected"));
        assertEquals(Map.of("RECOGNISE", 3, "MOSTLY", 2, "NOT", 1, "UNKNOWN", 2), results.getMap("answers"));
        assertFalse(results.getBoolean("passes"), "5/6 is below 85 %");
        assertEquals(FIVE_SIXTHS, results.getDouble("byGroup.PARENT.rate"), 1e-9);
        assertEquals(4, results.getInt("byGroup.PARENT.valid"));
        assertEquals(FIVE_SIXTHS, results.getDouble("bySchool.'" + SCHOOL + "'.rate"), 1e-9);
        assertEquals(4, results.getInt("bySchool.'" + SCHOOL + "'.valid"));
        assertEquals(1, results.getInt("bySchool.'" + SCHOOL + "'.flagged"));
        assertEquals(5, results.getInt("quota.PARENT.issued"));
        // valid questionnaires over the invitations issued: 4 / 5
        assertEquals(4.0 / 5, results.getDouble("validReturnRate"), 1e-9);

        // While open, the coalesced results event (every ~5 s) already gives indicator-service the rate; QUALITY_2017
        // requires a closed survey (the valid-return rate 0.8 meets its 0.7), so the part is INCOMPLETE, rate shown.
        JsonPath open = awaitRecognition(county, "the open survey's rate", List.of("survey.closed"));
        assertEquals("INCOMPLETE", open.getString("parts.recognition.status"));

        World.as(county).contentType(ContentType.JSON).post(survey + "/close").then().statusCode(403);
        World.as(reviewer).contentType(ContentType.JSON).post(survey + "/close").then().statusCode(200)
                .body("status", is("CLOSED"));
        // closed, the county sees its results
        World.as(county).get(survey + "/results").then().statusCode(200);
        // The closing event: nothing is missing any more, and 5/6 is below 85 %: the part FAILs, showing the rate
        // rounded to 4 decimals as indicator-service does.
        JsonPath closed = awaitRecognition(county, "the closed survey's rate", List.of());
        assertEquals("FAIL", closed.getString("parts.recognition.status"));
        assertEquals(Boolean.FALSE, closed.get("parts.recognition.pass"));
        assertEquals(0.8333, closed.getDouble("parts.recognition.rate"), 1e-12);
        List<String> missing = closed.getList("missingInputs", String.class);
        assertFalse(missing.contains("survey") || missing.contains("survey.closed"), "missing inputs: " + missing);

        // the other province knows of neither
        String other = SystemStack.world().b.tokens.get(Role.PROVINCE_ADMIN);
        World.as(other).get(survey + "/results").then().statusCode(404);
        World.as(other).get(EVALUATION).then().statusCode(404);
    }

    private static Response submit(String code, String submissionId, String first, String second) {
        return given().contentType(ContentType.JSON).body(Map.of("invitation", code, "submissionId", submissionId,
                "answers", Map.of("P01", first, "P10", second))).post("/api/v1/public/responses");
    }

    /** One page load per invitation (a random submission id, kept so that a retry repeats it). */
    private static final Map<String, String> PAGE_LOADS = new java.util.HashMap<>();

    private static void answer(String code, String first, String second) {
        String pageLoad = PAGE_LOADS.computeIfAbsent(code, c -> java.util.UUID.randomUUID().toString());
        submit(code, pageLoad, first, second).then().statusCode(201).body("status", is("RECORDED"));
    }

    /** Waits until the evaluation shows the recognition rate 0.8333 with exactly these inputs missing. */
    private static JsonPath awaitRecognition(String token, String what, List<String> missing) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> evaluation(token), e -> e != null
                        && e.get("parts.recognition.rate") != null
                        && Math.abs(e.getDouble("parts.recognition.rate") - 0.8333) < 1e-12
                        && missing.equals(e.getList("parts.recognition.missing", String.class)));
    }

    private static JsonPath evaluation(String token) {
        Response r = World.as(token).get(EVALUATION);
        if (r.statusCode() == 404) {
            return null; // indicator-service has not heard of the county yet
        }
        return json(r.then().statusCode(200).extract().response());
    }

    private static JsonPath json(Response r) {
        return new JsonPath(r.asString()).using(DOUBLES);
    }
}
