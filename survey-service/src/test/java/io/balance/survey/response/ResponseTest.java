package io.balance.survey.response;

import static io.balance.survey.Fixtures.admin;
import static io.balance.survey.Fixtures.answers;
import static io.balance.survey.Fixtures.as;
import static io.balance.survey.Fixtures.fetchItems;
import static io.balance.survey.Fixtures.freshAddress;
import static io.balance.survey.Fixtures.invite;
import static io.balance.survey.Fixtures.openedAgo;
import static io.balance.survey.Fixtures.submit;
import static io.balance.survey.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class ResponseTest {
    static final String COUNTY = "419921";
    static final String URBAN = COUNTY + "0001";
    static final String RURAL = COUNTY + "0003";
    static String survey;

    @BeforeEach
    void campaign() {
        if (survey != null) {
            return;
        }
        Fixtures.standardCounty(COUNTY, 300_000);
        survey = Fixtures.openSurvey(COUNTY, 2025);
    }

    @Test
    void oneAnswerPerInvitationWithIdempotentRetry() {
        String code = invite(survey, URBAN, "PARENT", 1).get(0);
        var q = given().get("/api/v1/public/questionnaires/" + code.toLowerCase()).then().statusCode(200)
                .body("group", equalTo("PARENT")).body("form", equalTo("PUBLIC")).body("answered", equalTo(false))
                .extract().jsonPath();
        List<String> items = q.getList("items.id", String.class);
        assertEquals(10, items.size());
        openedAgo(code, 300);
        Map<String, String> a = answers(items, "RECOGNISE", "MOSTLY", "NOT", "UNKNOWN");
        String address = freshAddress();
        String first = submit(code, a, address).then().statusCode(201).body("status", equalTo("RECORDED"))
                .extract().path("submittedAt");
        submit(code, a, address).then().statusCode(201).body("submittedAt", equalTo(first));
        submit(code, answers(items, "NOT"), address).then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/public/questionnaires/" + code).then().statusCode(200).body("answered", equalTo(true));
        assertEquals(1, Fixtures.count(countFor(code)));
    }

    @Test
    void badAnswersAre400sNamingEachField() {
        String code = invite(survey, URBAN, "TEACHER", 1).get(0);
        List<String> items = fetchItems(code);
        assertEquals("T01", items.get(0));
        Map<String, String> a = new HashMap<>(answers(items, "MOSTLY"));
        a.remove("T02");
        a.put("T03", "LOVE_IT");
        a.put("X99", "RECOGNISE");
        submit(code, a, freshAddress()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("answers.T02", "answers.T03", "answers.X99"));
        given().contentType(ContentType.JSON).body("{\"invitation\": \"" + code + "\", \"answers\": [1,2]}")
                .post("/api/v1/public/responses").then().statusCode(400).body("errors[0].field", equalTo("answers"));
        given().contentType(ContentType.JSON).body("{\"invitation\": ").post("/api/v1/public/responses").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of())).post("/api/v1/public/responses")
                .then().statusCode(400).body("errors[0].field", equalTo("invitation"));
        submit("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", a, freshAddress()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/public/questionnaires/nonsense").then().statusCode(404);
        assertEquals(0, Fixtures.count(countFor(code)));
    }

    @Test
    void concurrentDoubleSubmissionStoresExactlyOne() throws Exception {
        List<String> codes = invite(survey, URBAN, "PARENT", 2);
        List<String> items = fetchItems(codes.get(0));
        int threads = 24;
        // identical retries racing: all succeed with the same receipt, one row
        List<Integer> same = race(threads, i -> submit(codes.get(0), answers(items, "RECOGNISE", "MOSTLY"),
                "10.99.1." + i).statusCode());
        assertTrue(same.stream().allMatch(s -> s == 201), same.toString());
        assertEquals(1, Fixtures.count(countFor(codes.get(0))));
        // different answers racing for one code: exactly one wins
        fetchItems(codes.get(1));
        List<String> values = List.of("RECOGNISE", "MOSTLY", "NOT", "UNKNOWN");
        List<Integer> different = race(threads, i -> {
            Map<String, String> a = new HashMap<>();
            for (int j = 0; j < items.size(); j++) {
                a.put(items.get(j), values.get((i + j) % 4)); // four distinct answer patterns
            }
            return submit(codes.get(1), a, "10.99.2." + i).statusCode();
        });
        assertEquals(1, Fixtures.count(countFor(codes.get(1))));
        assertTrue(different.contains(201));
        assertTrue(different.stream().allMatch(s -> s == 201 || s == 409), different.toString());
        assertTrue(different.stream().filter(s -> s == 409).count() >= 1, different.toString());
    }

    interface Attempt {
        int run(int i) throws Exception;
    }

    private static List<Integer> race(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return attempt.run(n);
            }));
        }
        start.countDown();
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    @Test
    void implausibleAnswersAreFlaggedKeptAndExcluded() {
        String survey = Fixtures.openSurvey(COUNTY, 2029);
        List<String> codes = invite(survey, RURAL, "PARENT", 25);
        List<String> items = fetchItems(codes.get(0));
        // completed in milliseconds after opening
        submit(codes.get(0), answers(items, "RECOGNISE", "NOT"), freshAddress()).then().statusCode(201);
        // never opened at all (a blind POST)
        submit(codes.get(1), answers(items, "RECOGNISE", "NOT"), freshAddress()).then().statusCode(201);
        // every item the same
        fetchItems(codes.get(2));
        openedAgo(codes.get(2), 300);
        submit(codes.get(2), answers(items, "RECOGNISE"), freshAddress()).then().statusCode(201);
        // a burst: 22 careful-looking answers from one /24 within a minute; from the 21st on they are flagged
        for (int i = 3; i < 25; i++) {
            fetchItems(codes.get(i));
            openedAgo(codes.get(i), 300);
            submit(codes.get(i), answers(items, "RECOGNISE", "MOSTLY", "NOT"), "10.77.3." + i).then().statusCode(201);
        }
        var flagged = as(admin()).get("/api/v1/surveys/" + survey + "/flagged").then().statusCode(200)
                .extract().jsonPath();
        List<List<String>> flags = flagged.getList("flags");
        assertTrue(flags.contains(List.of("TOO_FAST")), flags.toString());
        assertTrue(flags.contains(List.of("ALL_SAME")), flags.toString());
        assertEquals(2, flags.stream().filter(f -> f.equals(List.of("BURST"))).count(), flags.toString());
        assertEquals(2, flags.stream().filter(f -> f.equals(List.of("TOO_FAST"))).count(), flags.toString());
        as(token("SCHOOL_REPORTER", RURAL)).get("/api/v1/surveys/" + survey + "/flagged").then().statusCode(403);
    }

    @Test
    void rateLimitPerAddressRange() {
        String range = "10.66.5.";
        int limit = 120;
        for (int i = 0; i < limit; i++) {
            given().header("X-Forwarded-For", range + (i % 200)).get("/api/v1/public/questionnaires/x")
                    .then().statusCode(404);
        }
        given().header("X-Forwarded-For", range + "201").get("/api/v1/public/questionnaires/x").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", "60");
        given().header("X-Forwarded-For", range + "202").get("/s/x").then().statusCode(429)
                .body(containsString("请稍后再试"));
        // another range is unaffected
        given().header("X-Forwarded-For", "10.66.6.1").get("/api/v1/public/questionnaires/x").then().statusCode(404);
    }

    @Test
    void noIdentityAndNoRawAddressIsStored() throws Exception {
        List<String> codes = invite(survey, URBAN, "PARENT", 3);
        List<String> items = fetchItems(codes.get(0));
        submit(codes.get(0), answers(items, "RECOGNISE", "MOSTLY"), "203.0.113.10").then().statusCode(201);
        submit(codes.get(1), answers(items, "RECOGNISE", "MOSTLY"), "203.0.113.200").then().statusCode(201);
        submit(codes.get(2), answers(items, "RECOGNISE", "MOSTLY"), "198.51.100.1").then().statusCode(201);
        try (Connection c = Fixtures.db(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'response'")) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
            assertEquals(Set.of("id", "invitation", "survey_id", "school_code", "location", "grp", "answers", "digest",
                    "n_recognise", "n_mostly", "n_not", "n_unknown", "duration_ms", "client_key", "flags",
                    "submitted_at"), Set.copyOf(columns));
        }
        List<String> keys = new ArrayList<>();
        for (String code : codes) {
            try (Connection c = Fixtures.db(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT encode(client_key, 'hex'), answers::text FROM response WHERE invitation = "
                            + "sha256(convert_to('" + code + "', 'UTF8'))")) {
                rs.next();
                keys.add(rs.getString(1));
                assertTrue(!rs.getString(2).contains("203.0") && !rs.getString(2).contains("198.51"));
            }
        }
        assertEquals(keys.get(0), keys.get(1)); // same /24, same campaign: same key (bursts are visible)
        assertNotEquals(keys.get(0), keys.get(2));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM response WHERE octet_length(client_key) <> 16"));
    }

    @Test
    void phonePageShowsAsksAndThanks() {
        String code = invite(survey, URBAN, "STUDENT", 1).get(0);
        String html = given().header("X-Forwarded-For", freshAddress()).get("/s/" + code).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("学生卷"))
                .body(containsString("name=viewport")).body(containsString("比较认可")).body(containsString("不了解"))
                .body(not(containsString("<script"))).extract().asString();
        assertTrue(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 16_000, "page should be light");
        // an incomplete form comes back with what was chosen and the gaps marked
        given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC)
                .formParam("q_S01", "RECOGNISE").post("/s/" + code).then().statusCode(400)
                .body(containsString("未作答")).body(containsString("value=RECOGNISE checked"));
        var form = given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC);
        for (int i = 1; i <= 8; i++) {
            form = form.formParam("q_S0" + i, i % 2 == 0 ? "RECOGNISE" : "MOSTLY");
        }
        form.post("/s/" + code).then().statusCode(200).body(containsString("谢谢您的参与"));
        given().header("X-Forwarded-For", freshAddress()).get("/s/" + code).then().statusCode(200)
                .body(containsString("已经提交过了"));
        given().header("X-Forwarded-For", freshAddress()).get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then()
                .statusCode(404).body(containsString("邀请码无效"));
    }

    @Test
    void draftAndClosedCampaignsSaySo() {
        String draft = Fixtures.draftSurvey(COUNTY, 2026);
        String early = invite(draft, URBAN, "PARENT", 1).get(0);
        given().header("X-Forwarded-For", freshAddress()).get("/s/" + early).then().statusCode(409)
                .body(containsString("尚未开始"));
        List<String> items = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10");
        submit(early, answers(items, "MOSTLY", "NOT"), freshAddress()).then().statusCode(409)
                .body("type", containsString("survey-not-open"));

        String closing = Fixtures.openSurvey(COUNTY, 2027);
        List<String> codes = invite(closing, URBAN, "PARENT", 2);
        fetchItems(codes.get(0));
        submit(codes.get(0), answers(items, "MOSTLY", "NOT"), freshAddress()).then().statusCode(201);
        as(admin()).post("/api/v1/surveys/" + closing + "/close").then().statusCode(200);
        given().header("X-Forwarded-For", freshAddress()).get("/s/" + codes.get(1)).then().statusCode(410)
                .body(containsString("调查已结束"));
        given().get("/api/v1/public/questionnaires/" + codes.get(1)).then().statusCode(410);
        submit(codes.get(1), answers(items, "MOSTLY", "NOT"), freshAddress()).then().statusCode(409)
                .body("type", containsString("survey-closed"));
        // the retry of an answer stored before the close still gets its receipt
        submit(codes.get(0), answers(items, "MOSTLY", "NOT"), freshAddress()).then().statusCode(201);
        as(admin()).body(Map.of("schoolCode", URBAN, "group", "PARENT", "count", 1))
                .post("/api/v1/surveys/" + closing + "/invitations").then().statusCode(409);
    }

    @Test
    void resultsFollowTheOfficialFormula() {
        String live = Fixtures.openSurvey(COUNTY, 2028);
        as(admin()).get("/api/v1/surveys/" + live + "/results").then().statusCode(200)
                .body("rate", nullValue()).body("valid", equalTo(0));
        List<String> parents = invite(live, URBAN, "PARENT", 3);
        List<String> teachers = invite(live, RURAL, "TEACHER", 2);
        List<String> deputies = invite(live, null, "NPC_DEPUTY", 1);
        List<String> p = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10");
        List<String> t = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10");
        for (String code : List.of(parents.get(0), parents.get(1), teachers.get(0), deputies.get(0))) {
            fetchItems(code);
            openedAgo(code, 600);
        }
        // parent 1: 认可 4, 比较认可 3, 不认可 1, 不了解 2
        submit(parents.get(0), answers(p, "RECOGNISE", "RECOGNISE", "RECOGNISE", "RECOGNISE", "MOSTLY", "MOSTLY",
                "MOSTLY", "NOT", "UNKNOWN", "UNKNOWN"), freshAddress()).then().statusCode(201);
        // parent 2: 认可 2, 比较认可 2, 不认可 2, 不了解 4
        submit(parents.get(1), answers(p, "RECOGNISE", "RECOGNISE", "MOSTLY", "MOSTLY", "NOT", "NOT", "UNKNOWN",
                "UNKNOWN", "UNKNOWN", "UNKNOWN"), freshAddress()).then().statusCode(201);
        // parent 3: flagged (too fast), excluded from everything but the flagged count
        fetchItems(parents.get(2));
        submit(parents.get(2), answers(p, "NOT", "UNKNOWN"), freshAddress()).then().statusCode(201);
        // teacher: 认可 5, 比较认可 0, 不认可 5
        submit(teachers.get(0), answers(t, "RECOGNISE", "NOT"), freshAddress()).then().statusCode(201);
        // deputy: ten identical answers (all 不了解) are flagged ALL_SAME
        submit(deputies.get(0), answers(p, "UNKNOWN"), freshAddress()).then().statusCode(201);
        // overall over the 3 valid: (7 + 4 + 5) / ((10 − 2) + (10 − 4) + 10) = 16 / 24
        as(token("VIEWER", COUNTY)).get("/api/v1/surveys/" + live + "/results").then().statusCode(200)
                .body("valid", equalTo(3)).body("flagged", equalTo(2))
                .body("rate", equalTo((float) (16.0 / 24.0)))
                .body("byGroup.PARENT.rate", equalTo((float) (11.0 / 14.0)))
                .body("byGroup.PARENT.valid", equalTo(2)).body("byGroup.PARENT.flagged", equalTo(1))
                .body("byGroup.TEACHER.rate", equalTo(0.5f))
                .body("byGroup.NPC_DEPUTY.rate", nullValue()).body("byGroup.NPC_DEPUTY.flagged", equalTo(1))
                .body("bySchool." + URBAN + ".rate", equalTo((float) (11.0 / 14.0)))
                .body("bySchool." + URBAN + ".name", equalTo("城关第一小学"))
                .body("bySchool." + RURAL + ".valid", equalTo(1))
                .body("byLocation.RURAL.rate", equalTo(0.5f))
                .body("quota.PARENT.planned", equalTo(300)).body("quota.PARENT.issued", equalTo(3))
                .body("quota.PARENT.valid", equalTo(2))
                .body("validReturnRate", equalTo((float) (3.0 / 600.0)))
                .body("passes", equalTo(false));
        as(token("INTEGRATION", "410000")).get("/api/v1/surveys/" + live + "/results").then().statusCode(200)
                .body("answers.UNKNOWN", equalTo(6));
        as(token("SCHOOL_REPORTER", URBAN)).get("/api/v1/surveys/" + live + "/results").then().statusCode(403);
        as(token("VIEWER", "419801")).get("/api/v1/surveys/" + live + "/results").then().statusCode(404);
        as(admin()).get("/api/v1/surveys/" + live + "/flagged").then().statusCode(200)
                .body("flags", hasItem(List.of("ALL_SAME"))).body("[0].answers", notNullValue());
    }

    private static String countFor(String code) {
        return "SELECT count(*) FROM response WHERE invitation = sha256(convert_to('" + code + "', 'UTF8'))";
    }
}
