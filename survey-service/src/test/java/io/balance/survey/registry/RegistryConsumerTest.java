package io.balance.survey.registry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.SchoolV1;
import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.kit.consumer.EventConsumers;
import io.balance.kit.consumer.ReplayResult;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The registry read model from school-service's topics on the real broker: each eventId applied once, an older
 * revision never overwrites a newer one, an unreadable record is parked without stopping the consumer, and a
 * replay from the start (the kit's EventConsumers) rebuilds the same state.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class RegistryConsumerTest {
    @Inject
    EventConsumers consumers;

    static final String COUNTY = "419961";
    static final String SCHOOL = COUNTY + "0001";

    @Test
    void duplicatesAndOlderRevisionsAreIgnored() throws Exception {
        String first = UUID.randomUUID().toString();
        jurisdiction(first, 2, "甲县", 500_000);
        awaitProcessed(first);
        assertEquals(500_000, Fixtures.count("SELECT resident_population FROM jurisdiction WHERE code = '" + COUNTY + "'"));

        // the same event again (a redelivery) with a higher revision in it: already applied, ignored
        jurisdiction(first, 5, "重复", 1);
        // an older revision arriving late: recorded as seen, not applied
        String older = UUID.randomUUID().toString();
        jurisdiction(older, 1, "旧名", 100);
        // same key, same partition: once this one is seen, the two above have been handled
        Fixtures.send(Topics.JURISDICTIONS, COUNTY, "not json at all {");
        String marker = UUID.randomUUID().toString();
        jurisdiction(marker, 2, "乙县", 700_000); // same revision as held: not newer, not applied
        awaitProcessed(marker);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM processed_event WHERE event_id = '" + older + "'"));
        assertEquals(500_000, Fixtures.count("SELECT resident_population FROM jurisdiction WHERE code = '" + COUNTY + "'"));
        assertEquals(2, Fixtures.count("SELECT revision FROM jurisdiction WHERE code = '" + COUNTY + "'"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM parked_event WHERE topic = '" + Topics.JURISDICTIONS
                + "' AND payload LIKE '%not json at all {%' AND reason LIKE 'unreadable JurisdictionChangedV1%'"),
                "set aside with its payload and why, not dropped");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM jurisdiction WHERE code = '" + COUNTY + "' AND name = '甲县'"));

        // a newer revision is applied
        String newer = UUID.randomUUID().toString();
        jurisdiction(newer, 3, "甲县", 520_000);
        awaitProcessed(newer);
        assertEquals(520_000, Fixtures.count("SELECT resident_population FROM jurisdiction WHERE code = '" + COUNTY + "'"));

        // schools: a location change at a newer revision moves the school, an older one does not move it back
        school(UUID.randomUUID().toString(), 1, "URBAN");
        String moved = UUID.randomUUID().toString();
        school(moved, 2, "RURAL");
        awaitProcessed(moved);
        String stale = UUID.randomUUID().toString();
        school(stale, 1, "TOWN");
        awaitProcessed(stale);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM school WHERE school_code = '" + SCHOOL
                + "' AND location = 'RURAL' AND revision = 2"));

        // a replay from the start clears the read model and rebuilds the same state from the topics
        List<ReplayResult> replayed = consumers.replay().get(60, TimeUnit.SECONDS);
        assertEquals(2, replayed.size(), "both registry topics replayed: " + replayed);
        assertEquals(520_000, Fixtures.count("SELECT resident_population FROM jurisdiction WHERE code = '" + COUNTY + "'"));
        assertEquals(3, Fixtures.count("SELECT revision FROM jurisdiction WHERE code = '" + COUNTY + "'"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM school WHERE school_code = '" + SCHOOL
                + "' AND location = 'RURAL' AND revision = 2"));
    }

    private static void jurisdiction(String eventId, long revision, String name, long population) {
        Fixtures.send(Topics.JURISDICTIONS, COUNTY, new JurisdictionChangedV1(eventId, 1, Instant.now(), COUNTY,
                revision, name, "COUNTY", "419900", population));
    }

    private static void school(String eventId, long revision, String location) {
        Fixtures.send(Topics.SCHOOL_REGISTRY, SCHOOL, new SchoolChangedV1(eventId, 1, Instant.now(), SCHOOL, revision,
                new SchoolV1(SCHOOL, "测试学校", COUNTY, "PRIMARY", location, true, false)));
    }

    private static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'") == 1);
    }
}
