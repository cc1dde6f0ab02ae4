package io.balance.survey.results;

import static io.balance.survey.Fixtures.admin;
import static io.balance.survey.Fixtures.answers;
import static io.balance.survey.Fixtures.as;
import static io.balance.survey.Fixtures.fetchItems;
import static io.balance.survey.Fixtures.freshAddress;
import static io.balance.survey.Fixtures.invite;
import static io.balance.survey.Fixtures.openedAgo;
import static io.balance.survey.Fixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.TopicReader;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The results reach the real broker through the outbox: coalesced while running, final on close. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class ResultsEventTest {
    static final String COUNTY = "419931";

    @Test
    void coalescedWhileRunningAndFinalOnClose() throws Exception {
        Fixtures.standardCounty(COUNTY, 300_000);
        String survey = Fixtures.openSurvey(COUNTY, 2025);
        List<String> codes = invite(survey, COUNTY + "0001", "PARENT", 30);
        List<String> items = fetchItems(codes.get(0));
        for (String code : codes) {
            openedAgo(code, 600);
        }
        // 30 answers, each 认可 6 / 比较认可 2 / 不认可 1 / 不了解 1 → 8 / 9 overall
        for (String code : codes) {
            submit(code, answers(items, "RECOGNISE", "RECOGNISE", "MOSTLY", "RECOGNISE", "NOT", "RECOGNISE",
                    "UNKNOWN", "RECOGNISE", "MOSTLY", "RECOGNISE"), freshAddress()).then().statusCode(201);
        }
        List<SurveyResultsV1> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.consumer()) {
            consumer.subscribe(List.of(Topics.SURVEY_RESULTS));
            poll(consumer, survey, seen, e -> e.valid() == 30);
            SurveyResultsV1 running = seen.get(seen.size() - 1);
            assertFalse(running.closed());
            assertEquals(COUNTY, running.countyCode());
            assertEquals(8.0 / 9.0, running.rate(), 1e-9);
            assertEquals(30, running.byGroup().get("PARENT").valid());
            assertEquals(1.0, running.validReturnRate(), 1e-9); // 30 valid of the 30 invitations issued
            assertTrue(seen.size() <= 5, "answers must be coalesced, got " + seen.size() + " events for 30 answers");

            as(admin()).post("/api/v1/surveys/" + survey + "/close").then().statusCode(200);
            poll(consumer, survey, seen, SurveyResultsV1::closed);
            SurveyResultsV1 last = seen.get(seen.size() - 1);
            assertTrue(last.closed());
            assertEquals(30, last.valid());
            assertTrue(last.revision() > running.revision());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).revision() > seen.get(i - 1).revision(), "revisions increase");
            }
        }
        assertEquals(0, Fixtures.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND payload LIKE '%"
                + survey + "%'"));
    }

    /**
     * Concurrent writers commit answers out of id order: an answer that becomes visible after an event covering
     * higher ids must still bring a new event while the survey runs, not only at the close.
     */
    @Test
    void anAnswerCommittedOutOfIdOrderStillGetsItsEvent() throws Exception {
        String county = "419933";
        Fixtures.standardCounty(county, 300_000);
        String survey = Fixtures.openSurvey(county, 2025);
        List<String> codes = invite(survey, county + "0001", "PARENT", 2);
        List<String> items = fetchItems(codes.get(0));
        for (String code : codes) {
            openedAgo(code, 600);
            submit(code, answers(items, "RECOGNISE", "RECOGNISE", "MOSTLY", "RECOGNISE", "NOT", "RECOGNISE",
                    "UNKNOWN", "RECOGNISE", "MOSTLY", "RECOGNISE"), freshAddress()).then().statusCode(201);
        }
        List<SurveyResultsV1> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.consumer()) {
            consumer.subscribe(List.of(Topics.SURVEY_RESULTS));
            poll(consumer, county, survey, seen, e -> e.valid() == 2, Duration.ofSeconds(30));
            // the late commit: an answer whose id is below every id the last event covered
            Fixtures.update("INSERT INTO response (id, invitation, survey_id, school_code, location, grp, answers, "
                    + "submission_id, n_recognise, n_mostly, n_not, n_unknown, duration_ms, client_key, flags) "
                    + "SELECT -nextval('response_id_seq'), sha256(gen_random_uuid()::text::bytea), survey_id, "
                    + "school_code, location, grp, answers, 'late-' || id, n_recognise, n_mostly, n_not, n_unknown, "
                    + "duration_ms, client_key, flags FROM response WHERE survey_id = '" + survey + "' LIMIT 1");
            poll(consumer, county, survey, seen, e -> e.valid() == 3, Duration.ofSeconds(30));
            assertFalse(seen.get(seen.size() - 1).closed());
        }
    }

    /** Kafka down: the close still succeeds (the event waits in the outbox) and the event flows once it is back. */
    @Test
    void closingWhileKafkaIsDownPublishesWhenItIsBack() throws Exception {
        String county = "419932";
        Fixtures.standardCounty(county, 300_000);
        String survey = Fixtures.openSurvey(county, 2025);
        List<String> codes = invite(survey, county + "0002", "TEACHER", 1);
        List<String> items = fetchItems(codes.get(0));
        openedAgo(codes.get(0), 600);
        submit(codes.get(0), answers(items, "RECOGNISE", "NOT", "MOSTLY"), freshAddress()).then().statusCode(201);
        EmbeddedInfra.kafka().stop();
        try {
            as(admin()).post("/api/v1/surveys/" + survey + "/close").then().statusCode(200);
            Thread.sleep(1500); // a few relay ticks against the stopped broker
            assertEquals(1, Fixtures.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND payload LIKE '%"
                    + survey + "%' AND payload LIKE '%\"closed\":true%'"));
        } finally {
            EmbeddedInfra.kafka().start();
        }
        List<SurveyResultsV1> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.consumer()) {
            consumer.subscribe(List.of(Topics.SURVEY_RESULTS));
            poll(consumer, county, survey, seen, SurveyResultsV1::closed, Duration.ofSeconds(60));
        }
        SurveyResultsV1 last = seen.get(seen.size() - 1);
        assertEquals(1, last.valid());
        assertEquals(1, last.byGroup().get("TEACHER").valid());
    }

    interface Until {
        boolean done(SurveyResultsV1 e);
    }

    private static void poll(KafkaConsumer<String, String> consumer, String survey, List<SurveyResultsV1> seen,
            Until until) throws Exception {
        poll(consumer, COUNTY, survey, seen, until, Duration.ofSeconds(30));
    }

    private static void poll(KafkaConsumer<String, String> consumer, String county, String survey,
            List<SurveyResultsV1> seen, Until until, Duration within) throws Exception {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                SurveyResultsV1 e = Fixtures.JSON.readValue(r.value(), SurveyResultsV1.class);
                if (e.surveyId().equals(survey)) {
                    assertEquals(county, r.key());
                    assertNotNull(e.eventId());
                    // the kit's relay repeats what a consumer needs before parsing in the headers
                    assertEquals(e.eventId(), TopicReader.header(r, "eventId"));
                    assertEquals("SurveyResultsV1", TopicReader.header(r, "eventType"));
                    assertEquals(Long.toString(e.revision()), TopicReader.header(r, "revision"));
                    seen.add(e);
                    if (until.done(e)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no matching results event on the broker; saw " + seen);
    }
}
