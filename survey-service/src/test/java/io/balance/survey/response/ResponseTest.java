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
import static org.hamcrest.Matchers.everyItem;
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
    void aCodesHolderCannotProbeWhatWasAnswered() {
        String code = invite(survey, URBAN, "PARENT", 1).get(0);
        var q = given().get("/api/v1/public/questionnaires/" + code.toLowerCase()).then().statusCode(200)
                .body("group", equalTo("PARENT")).body("form", equalTo("PUBLIC")).body("answered", equalTo(false))
                .body("choices.RECOGNISE", equalTo("认可")).extract().jsonPath();
        List<String> items = q.getList("items.id", String.class);
        assertEquals(10, items.size());
        openedAgo(code, 300);
        Map<String, String> a = answers(items, "RECOGNISE", "MOSTLY", "NOT", "UNKNOWN");
        String address = freshAddress();
        String pageLoad = "page-load-0001";
        String first = submit(code, pageLoad, a, address).then().statusCode(201).body("status", equalTo("RECORDED"))
                .extract().path("submittedAt");
        // the same page load again (a retry): the first answer's 201, whatever it sends
        submit(code, pageLoad, a, address).then().statusCode(201).body("submittedAt", equalTo(first));
        submit(code, pageLoad, answers(items, "NOT"), address).then().statusCode(201).body("submittedAt", equalTo(first));
        // any other submission: 409 with the same answers as with different ones, so nothing can be learnt
        String same = submit(code, "another-page-load", a, address).then().statusCode(409)
                .contentType("application/problem+json").extract().asString();
        String different = submit(code, "another-page-load", answers(items, "NOT"), address).then().statusCode(409)
                .contentType("application/problem+json").extract().asString();
        assertEquals(same, different);
        given().get("/api/v1/public/questionnaires/" + code).then().statusCode(200).body("answered", equalTo(true))
                .body("items", org.hamcrest.Matchers.empty());
        assertEquals(1, Fixtures.count(countFor(code)));
        // the submission id is required and well-formed
        String unused = invite(survey, URBAN, "PARENT", 1).get(0);
        given().contentType(ContentType.JSON).body(Map.of("invitation", unused, "answers", a))
                .post("/api/v1/public/responses").then().statusCode(400)
                .body("errors.field", hasItem("submissionId"));
        submit(unused, "short", a, address).then().statusCode(400).body("errors.field", hasItem("submissionId"));
        assertEquals(0, Fixtures.count(countFor(unused)));
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
        List<Integer> same = race(threads, i -> submit(codes.get(0), "one-page-load", answers(items, "RECOGNISE",
                "MOSTLY"), "10.99.1." + i).statusCode());
        assertTrue(same.stream().allMatch(s -> s == 201), same.toString());
        assertEquals(1, Fixtures.count(countFor(codes.get(0))));
        // different page loads racing for one code: exactly one wins
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
    void implausibleSpeedIsFlaggedButTheSameAnswerToEveryItemAloneIsNot() {
        String survey = Fixtures.openSurvey(COUNTY, 2029);
        List<String> codes = invite(survey, RURAL, "PARENT", 4);
        List<String> items = fetchItems(codes.get(0));
        // completed in milliseconds after opening
        submit(codes.get(0), answers(items, "RECOGNISE", "NOT"), freshAddress()).then().statusCode(201);
        // never opened at all (a blind POST), every item the same
        submit(codes.get(1), answers(items, "RECOGNISE"), freshAddress()).then().statusCode(201);
        // a sincere parent who recognises everything, having read for five minutes: no flag
        fetchItems(codes.get(2));
        openedAgo(codes.get(2), 300);
        submit(codes.get(2), answers(items, "RECOGNISE"), freshAddress()).then().statusCode(201);
        // read carefully, mixed answers: no flag
        fetchItems(codes.get(3));
        openedAgo(codes.get(3), 300);
        submit(codes.get(3), answers(items, "MOSTLY", "NOT"), freshAddress()).then().statusCode(201);
        var flagged = as(Fixtures.reviewer(COUNTY)).get("/api/v1/surveys/" + survey + "/flagged").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(List.of("TOO_FAST"), List.of("TOO_FAST", "ALL_SAME")), flagged.getList("flags"));
        as(admin()).get("/api/v1/surveys/" + survey + "/results").then().statusCode(200)
                .body("valid", equalTo(2)).body("flagged", equalTo(2)).body("pendingReview", equalTo(2));
        as(token("SCHOOL_REPORTER", RURAL)).get("/api/v1/surveys/" + survey + "/flagged").then().statusCode(403);
    }

    @Test
    void aBurstFromOneAddressIsReviewedAndAcceptedAnswersCount() throws Exception {
        // a parents' meeting on the school's Wi-Fi: 40 careful answers from one address within a minute
        String survey = Fixtures.openSurvey(COUNTY, 2030);
        String reviewer = Fixtures.reviewer(COUNTY);
        List<String> codes = invite(survey, RURAL, "PARENT", 40);
        List<String> items = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10");
        for (int i = 0; i < 40; i++) {
            fetchItems(codes.get(i));
            openedAgo(codes.get(i), 300);
            // the first 20: 认可 4, 比较认可 3, 不认可 3; the last 20 recognise everything (10 of 10)
            Map<String, String> a = i < 20 ? answers(items, "RECOGNISE", "MOSTLY", "NOT") : answers(items, "RECOGNISE");
            submit(codes.get(i), a, "10.88.1.40").then().statusCode(201);
        }
        var flagged = as(reviewer).get("/api/v1/surveys/" + survey + "/flagged?pending=true").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> ids = flagged.getList("responseId", Integer.class);
        assertEquals(20, ids.size());
        assertTrue(flagged.getList("flags").stream().allMatch(f -> f.equals(List.of("BURST"))));
        assertEquals(1, Set.copyOf(flagged.getList("source")).size()); // one source, shown as an opaque label
        assertTrue(flagged.getList("review").stream().allMatch(r -> r == null));
        // before review: reported apart, out of the rate (140 / 200), in rateAllAnswers ((140 + 200) / 400)
        as(reviewer).get("/api/v1/surveys/" + survey + "/results").then().statusCode(200)
                .body("valid", equalTo(20)).body("flagged", equalTo(20)).body("pendingReview", equalTo(20))
                .body("rate", equalTo(0.7f)).body("rateAllAnswers", equalTo(0.85f))
                .body("validReturnRate", equalTo(0.5f))
                .body("validReturnRateBasis", containsString("invitations issued"));

        // the reviewer accepts 19 (the meeting) and rejects one, each with a reason
        for (int i = 0; i < 19; i++) {
            as(reviewer).body(Map.of("decision", "ACCEPT", "reason", "家长会现场扫码，学校 Wi-Fi"))
                    .post("/api/v1/surveys/" + survey + "/flagged/" + ids.get(i) + "/review").then().statusCode(200)
                    .body("decision", equalTo("ACCEPT")).body("reviewedBy", equalTo("reviewer-419900"));
        }
        as(reviewer).body(Map.of("decision", "REJECT", "reason", "重复提交嫌疑"))
                .post("/api/v1/surveys/" + survey + "/flagged/" + ids.get(19) + "/review").then().statusCode(200);
        // hand-computed: (140 + 19 × 10) / (200 + 19 × 10) = 330 / 390 over 39 valid
        as(reviewer).get("/api/v1/surveys/" + survey + "/results").then().statusCode(200)
                .body("valid", equalTo(39)).body("pendingReview", equalTo(0)).body("accepted", equalTo(19))
                .body("rejected", equalTo(1)).body("rate", equalTo((float) (330.0 / 390.0)))
                .body("rateAllAnswers", equalTo(0.85f)).body("passes", equalTo(false));
        // the rejection is reconsidered: accepted, it counts; (140 + 200) / 400 = 0.85 passes
        as(reviewer).body(Map.of("decision", "accept", "reason", "核实为同一家长会"))
                .post("/api/v1/surveys/" + survey + "/flagged/" + ids.get(19) + "/review").then().statusCode(200);
        as(reviewer).get("/api/v1/surveys/" + survey + "/results").then().statusCode(200)
                .body("valid", equalTo(40)).body("rejected", equalTo(0)).body("rate", equalTo(0.85f))
                .body("passes", equalTo(true)).body("validReturnRate", equalTo(1.0f));

        // every decision audited in the service's own database: who, with which role, when, what, why
        assertEquals(21, Fixtures.count("SELECT count(*) FROM flag_review WHERE survey_id = '" + survey + "'"));
        assertEquals(21, Fixtures.count("SELECT count(*) FROM flag_review WHERE survey_id = '" + survey
                + "' AND reviewed_by = 'reviewer-419900' AND reviewer_role = 'REVIEWER' AND reason <> '' "
                + "AND reviewed_at IS NOT NULL AND decision IN ('ACCEPT', 'REJECT')"));
        as(reviewer).get("/api/v1/surveys/" + survey + "/reviews").then().statusCode(200)
                .body("size()", equalTo(21)).body("[19].decision", equalTo("REJECT"))
                .body("[20].decision", equalTo("ACCEPT")).body("[20].reason", equalTo("核实为同一家长会"));
        as(reviewer).get("/api/v1/surveys/" + survey + "/flagged").then().statusCode(200)
                .body("review.decision", everyItem(equalTo("ACCEPT")));

        // a review needs a decision and a reason, and a flagged answer of this survey
        as(reviewer).body(Map.of("decision", "MAYBE")).post("/api/v1/surveys/" + survey + "/flagged/" + ids.get(0)
                + "/review").then().statusCode(400).body("errors.field", containsInAnyOrder("decision", "reason"));
        long unflagged = Fixtures.count("SELECT min(id) FROM response WHERE survey_id = '" + survey + "'");
        as(reviewer).body(Map.of("decision", "ACCEPT", "reason", "x")).post("/api/v1/surveys/" + survey
                + "/flagged/" + unflagged + "/review").then().statusCode(404);
        as(reviewer).body(Map.of("decision", "ACCEPT", "reason", "x")).post("/api/v1/surveys/" + this.survey
                + "/flagged/" + ids.get(0) + "/review").then().statusCode(404);
        // the county under evaluation does not review its own answers
        as(token("COUNTY_ADMIN", COUNTY)).body(Map.of("decision", "REJECT", "reason", "x"))
                .post("/api/v1/surveys/" + survey + "/flagged/" + ids.get(0) + "/review").then().statusCode(403);
        as(token("COUNTY_ADMIN", COUNTY)).get("/api/v1/surveys/" + survey + "/reviews").then().statusCode(403);

        // a decision after the close republishes the final results (a higher revision, still closed)
        as(reviewer).post("/api/v1/surveys/" + survey + "/close").then().statusCode(200);
        long events = Fixtures.count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + survey + "%'");
        as(reviewer).body(Map.of("decision", "REJECT", "reason", "复核：来源不明"))
                .post("/api/v1/surveys/" + survey + "/flagged/" + ids.get(0) + "/review").then().statusCode(200);
        assertEquals(events + 1, Fixtures.count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + survey
                + "%'"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + survey
                + "%' AND payload::jsonb ->> 'closed' = 'true' AND (payload::jsonb ->> 'valid')::int = 39 "
                + "AND id = (SELECT max(id) FROM outbox_event WHERE payload LIKE '%" + survey + "%')"));
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
            assertEquals(Set.of("id", "invitation", "survey_id", "school_code", "location", "grp", "answers",
                    "submission_id", "n_recognise", "n_mostly", "n_not", "n_unknown", "duration_ms", "client_key",
                    "flags", "review", "submitted_at"), Set.copyOf(columns));
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
        // each rendering carries its own submission id (a hidden field: the page has no script)
        String pageLoad = submissionIdOf(html);
        assertTrue(pageLoad.length() >= 8, html);
        assertNotEquals(pageLoad, submissionIdOf(given().header("X-Forwarded-For", freshAddress()).get("/s/" + code)
                .then().statusCode(200).extract().asString()));
        // an incomplete form comes back with what was chosen, the gaps marked and the same page load
        String again = given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC)
                .formParam("submissionId", pageLoad).formParam("q_S01", "RECOGNISE").post("/s/" + code).then()
                .statusCode(400).body(containsString("未作答")).body(containsString("value=RECOGNISE checked"))
                .extract().asString();
        assertEquals(pageLoad, submissionIdOf(again));
        var form = given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC)
                .formParam("submissionId", pageLoad);
        for (int i = 1; i <= 8; i++) {
            form = form.formParam("q_S0" + i, i % 2 == 0 ? "RECOGNISE" : "MOSTLY");
        }
        form.post("/s/" + code).then().statusCode(200).body(containsString("谢谢您的参与"));
        // the same form sent again (a double tap): thanked again, one answer stored
        var resend = given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC)
                .formParam("submissionId", pageLoad);
        for (int i = 1; i <= 8; i++) {
            resend = resend.formParam("q_S0" + i, "NOT");
        }
        resend.post("/s/" + code).then().statusCode(200).body(containsString("谢谢您的参与"));
        assertEquals(1, Fixtures.count(countFor(code)));
        // any other page load: only that the code was used, nothing of the answer
        var other = given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.URLENC)
                .formParam("submissionId", "another-page-load");
        for (int i = 1; i <= 8; i++) {
            other = other.formParam("q_S0" + i, i % 2 == 0 ? "RECOGNISE" : "MOSTLY");
        }
        other.post("/s/" + code).then().statusCode(409).body(containsString("邀请码已使用"));
        String used = given().header("X-Forwarded-For", freshAddress()).get("/s/" + code).then().statusCode(409)
                .body(containsString("邀请码已使用")).extract().asString();
        for (String hint : List.of("<form", "比较认可", "不认可", "RECOGNISE", "MOSTLY", "S01")) {
            assertTrue(!used.contains(hint), "the used-code page shows " + hint);
        }
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
        submit(codes.get(0), "page-load-before-close", answers(items, "MOSTLY", "NOT"), freshAddress()).then()
                .statusCode(201);
        as(admin()).post("/api/v1/surveys/" + closing + "/close").then().statusCode(200);
        given().header("X-Forwarded-For", freshAddress()).get("/s/" + codes.get(1)).then().statusCode(410)
                .body(containsString("调查已结束"));
        given().get("/api/v1/public/questionnaires/" + codes.get(1)).then().statusCode(410);
        submit(codes.get(1), answers(items, "MOSTLY", "NOT"), freshAddress()).then().statusCode(409)
                .body("type", containsString("survey-closed"));
        // the retry of an answer stored before the close still gets its receipt; another page load does not
        submit(codes.get(0), "page-load-before-close", answers(items, "MOSTLY", "NOT"), freshAddress()).then()
                .statusCode(201);
        submit(codes.get(0), "a-later-page-load", answers(items, "MOSTLY", "NOT"), freshAddress()).then()
                .statusCode(409);
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
        // deputy: ten identical answers (all 不了解), read for ten minutes: plausible, no flag (and no rate: all 不了解)
        submit(deputies.get(0), answers(p, "UNKNOWN"), freshAddress()).then().statusCode(201);
        // overall over the 4 valid: (7 + 4 + 5 + 0) / ((10 − 2) + (10 − 4) + 10 + 0) = 16 / 24
        String reviewer = Fixtures.reviewer(COUNTY);
        as(reviewer).get("/api/v1/surveys/" + live + "/results").then().statusCode(200)
                .body("valid", equalTo(4)).body("flagged", equalTo(1)).body("pendingReview", equalTo(1))
                .body("rate", equalTo((float) (16.0 / 24.0)))
                // with the flagged parent's 不认可 5, 不了解 5: (16) / (24 + 5)
                .body("rateAllAnswers", equalTo((float) (16.0 / 29.0)))
                .body("byGroup.PARENT.rate", equalTo((float) (11.0 / 14.0)))
                .body("byGroup.PARENT.valid", equalTo(2)).body("byGroup.PARENT.flagged", equalTo(1))
                .body("byGroup.PARENT.pendingReview", equalTo(1))
                .body("byGroup.TEACHER.rate", equalTo(0.5f))
                .body("byGroup.NPC_DEPUTY.rate", nullValue()).body("byGroup.NPC_DEPUTY.valid", equalTo(1))
                .body("bySchool." + URBAN + ".rate", equalTo((float) (11.0 / 14.0)))
                .body("bySchool." + URBAN + ".name", equalTo("城关第一小学"))
                .body("bySchool." + RURAL + ".valid", equalTo(1))
                .body("byLocation.RURAL.rate", equalTo(0.5f))
                .body("quota.PARENT.planned", equalTo(300)).body("quota.PARENT.issued", equalTo(3))
                .body("quota.PARENT.valid", equalTo(2))
                // valid questionnaires over invitations issued (3 + 2 + 1), not over the plan
                .body("invitationsIssued", equalTo(6))
                .body("validReturnRate", equalTo((float) (4.0 / 6.0)))
                .body("validReturnRateBasis", containsString("invitations issued"))
                .body("passes", equalTo(false));
        as(token("INTEGRATION", "410000")).get("/api/v1/surveys/" + live + "/results").then().statusCode(200)
                .body("answers.UNKNOWN", equalTo(16));
        as(token("SCHOOL_REPORTER", URBAN)).get("/api/v1/surveys/" + live + "/results").then().statusCode(403);
        as(token("VIEWER", "419801")).get("/api/v1/surveys/" + live + "/results").then().statusCode(404);
        // the county sees its results once the campaign has closed, not while it runs
        as(token("VIEWER", COUNTY)).get("/api/v1/surveys/" + live + "/results").then().statusCode(403);
        as(reviewer).get("/api/v1/surveys/" + live + "/flagged").then().statusCode(200)
                .body("flags", equalTo(List.of(List.of("TOO_FAST")))).body("[0].answers", notNullValue())
                .body("[0].answers.P01", equalTo("NOT"));
    }

    private static String submissionIdOf(String html) {
        var m = java.util.regex.Pattern.compile("name=submissionId value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "no submissionId field in the page");
        return m.group(1);
    }

    private static String countFor(String code) {
        return "SELECT count(*) FROM response WHERE invitation = sha256(convert_to('" + code + "', 'UTF8'))";
    }
}
