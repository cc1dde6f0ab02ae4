package io.balance.indicator.review;

import static io.balance.indicator.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.balance.contracts.ReviewChangedV1;
import io.balance.contracts.Topics;
import io.balance.indicator.Events;
import io.balance.indicator.Fixtures.Report;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.kit.jdbc.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * supervision.reviews.v1 on the real broker into the real database: the evaluation and the roll-up show each
 * county's review stage, read beside them, while the evaluations keep their revisions and emit nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
class ReviewStageTest {
    static final int YEAR = 2025;
    static final String CITY = "979800";
    static final String REVIEWED = "979801";
    static final String NOT_STARTED = "979802";
    static final String D1 = "a1".repeat(32);
    static final String D2 = "b2".repeat(32);
    static Events events;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void producer() {
        events = new Events();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    static ValidatableResponse get(String path) {
        return given().auth().oauth2(EmbeddedInfra.keys().mint("viewer-" + CITY, "VIEWER", CITY)).when().get(path).then();
    }

    static void await(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion::run);
    }

    static String evaluation(String county, int year) {
        return "/api/v1/counties/" + county + "/evaluations/" + year;
    }

    @Test
    void theEvaluationAndTheRollupShowEachCountysStageAndNothingElseChanges() throws Exception {
        events.jurisdiction(CITY, "复核市", "CITY", "970000", 1);
        for (String county : List.of(REVIEWED, NOT_STARTED)) {
            events.jurisdiction(county, "县" + county, "COUNTY", CITY, 1);
            events.report(school(county + "0001", county, "PRIMARY"), YEAR, 1,
                    Report.of().students("PRIMARY", 600).facilities(3000, 0, 0, 0, 0, 0).build());
        }
        for (String county : List.of(REVIEWED, NOT_STARTED)) {
            await(() -> get(evaluation(county, YEAR)).statusCode(200).body("basedOnReports", is(1)));
        }
        // no event yet: the process has not started
        get(evaluation(REVIEWED, YEAR)).body("$", hasKey("reviewStage")).body("reviewStage", nullValue());
        String rollup = "/api/v1/rollups/" + CITY + "/" + YEAR;
        get(rollup).statusCode(200).body("totals.counties", is(2)).body("totals.NOT_STARTED", is(2))
                .body("totals.CITY_REVIEW", is(0)).body("counties[0]", hasKey("reviewStage"))
                .body("counties[0].reviewStage", nullValue());
        List<Integer> revisions = get("/api/v1/counties/" + REVIEWED + "/evaluations").extract().path("revision");
        long outboxRows = outboxRows(REVIEWED);

        // submitted by the county: the city reviews, the figures of record are snapshot 1
        ReviewChangedV1 submitted = events.review(REVIEWED, YEAR, 1, "CITY_REVIEW", "SUBMITTED", 1, D1, "FAIL");
        await(() -> get(evaluation(REVIEWED, YEAR)).body("reviewStage.stage", is("CITY_REVIEW")));
        get(evaluation(REVIEWED, YEAR)).statusCode(200)
                .body("reviewStage.action", is("SUBMITTED"))
                .body("reviewStage.verdict", is("FAIL"))
                .body("reviewStage.snapshotVersion", is(1))
                .body("reviewStage.snapshotDigest", is(D1))
                .body("reviewStage.changedAt", is(iso(submitted.occurredAt())))
                .body("countyCode", is(REVIEWED)).body("basedOnReports", is(1));
        get(evaluation(NOT_STARTED, YEAR)).body("reviewStage", nullValue());
        get(rollup).statusCode(200).body("totals.counties", is(2))
                .body("totals.CITY_REVIEW", is(1)).body("totals.NOT_STARTED", is(1)).body("totals.PUBLICATION", is(0))
                .body("counties.find { it.countyCode == '" + REVIEWED + "' }.reviewStage.stage", is("CITY_REVIEW"))
                .body("counties.find { it.countyCode == '" + REVIEWED + "' }.reviewStage.snapshotDigest", is(D1))
                .body("counties.find { it.countyCode == '" + NOT_STARTED + "' }.reviewStage", nullValue());

        // passed by the city, then returned by the province: a step that froze nothing keeps the latest snapshot
        events.review(REVIEWED, YEAR, 2, "PROVINCE_EVALUATION", "PASSED", 2, D2, "PASS");
        ReviewChangedV1 returned = events.review(REVIEWED, YEAR, 3, "SELF_EVALUATION", "RETURNED", null, null, "PASS");
        await(() -> get(evaluation(REVIEWED, YEAR)).body("reviewStage.action", is("RETURNED")));
        Map<String, Object> expected = Map.of("stage", "SELF_EVALUATION", "action", "RETURNED", "verdict", "PASS",
                "snapshotVersion", 2, "snapshotDigest", D2, "changedAt", iso(returned.occurredAt()));
        get(evaluation(REVIEWED, YEAR)).body("reviewStage", equalTo(expected));

        // an older revision after a newer one, and the same event (eventId) again, change nothing
        events.review(REVIEWED, YEAR, 2, "PROVINCE_EVALUATION", "PASSED", 2, D2, "PASS");
        events.send(Topics.SUPERVISION_REVIEWS, REVIEWED, new ReviewChangedV1(returned.eventId(), 1, Instant.now(),
                REVIEWED, YEAR, 4, "PUBLICATION", "PUBLISHED", "someone", 3, "c3".repeat(32), "PASS"));
        // the same key, so the same partition: once this later event shows, the two above were consumed
        events.review(REVIEWED, YEAR - 1, 1, "CITY_REVIEW", "SUBMITTED", 1, D1, "INCOMPLETE");
        await(() -> get(evaluation(REVIEWED, YEAR - 1)).statusCode(200).body("reviewStage.stage", is("CITY_REVIEW")));
        get(evaluation(REVIEWED, YEAR)).body("reviewStage", equalTo(expected));
        get(rollup).body("totals.SELF_EVALUATION", is(1)).body("totals.CITY_REVIEW", is(0))
                .body("totals.NOT_STARTED", is(1));
        // each year's stored headline shows that year's stage
        get("/api/v1/counties/" + REVIEWED + "/evaluations").statusCode(200)
                .body("find { it.year == " + YEAR + " }.reviewStage.stage", is("SELF_EVALUATION"));

        // the stage is no part of the evaluation: same revisions, no indicator.evaluations.v1 event
        get("/api/v1/counties/" + REVIEWED + "/evaluations").body("revision", equalTo(revisions));
        assertEquals(outboxRows, outboxRows(REVIEWED));

        // a replay from the beginning rebuilds the same stages
        given().auth().oauth2(EmbeddedInfra.keys().mint("admin", "SYSTEM_ADMIN", null))
                .post("/api/v1/indicator/admin/replay?waitSeconds=120").then().statusCode(200);
        get(evaluation(REVIEWED, YEAR)).body("reviewStage", equalTo(expected));
        get(evaluation(REVIEWED, YEAR - 1)).body("reviewStage.snapshotVersion", is(1));
        get(evaluation(NOT_STARTED, YEAR)).body("reviewStage", nullValue());
        get("/api/v1/counties/" + REVIEWED + "/evaluations").body("revision", equalTo(revisions));
        assertEquals(outboxRows, outboxRows(REVIEWED));
    }

    static String iso(Instant t) {
        return t.toString();
    }

    long outboxRows(String county) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.count(c, "select count(*) from outbox_event where message_key = ?", county);
        }
    }
}
