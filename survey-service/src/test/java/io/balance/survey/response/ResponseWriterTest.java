package io.balance.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.survey.Fixtures;
import io.balance.kit.problem.ProblemException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The group-committing writer on its own, against the real PostgreSQL: batches, duplicates and a bad row. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class ResponseWriterTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ResponseWriter writer;

    @Test
    void concurrentAnswersAreStoredOnceEachAndTheSameInvitationOnlyOnce() throws Exception {
        UUID survey = UUID.randomUUID();
        List<byte[]> invitations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            invitations.add(hash());
        }
        // 300 distinct invitations plus each of the first 50 a second time, all at once: the writer batches them,
        // and a duplicate (even in the same batch) is stored once
        List<Callable<Boolean>> calls = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 350; i++) {
            byte[] invitation = invitations.get(i % 300);
            calls.add(() -> {
                go.await();
                return Batcher.await(writer.storeAsync(row(invitation, survey, "URBAN")));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            go.countDown();
            int stored = 0;
            for (Future<Boolean> f : futures) {
                stored += f.get() ? 1 : 0;
            }
            assertEquals(300, stored, "each invitation is stored exactly once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(300, Fixtures.count("SELECT count(*) FROM response WHERE survey_id = '" + survey + "'"));
        assertFalse(Batcher.await(writer.storeAsync(row(invitations.get(7), survey, "URBAN"))), "a stored invitation is not stored again");
    }

    @Test
    void aBadRowFailsAloneAndTheOthersInItsBatchAreStored() throws Exception {
        UUID survey = UUID.randomUUID();
        List<Callable<Boolean>> calls = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 120; i++) {
            // one row breaks the location column's length: its batch fails as a whole, then goes row by row
            String location = i == 60 ? "X".repeat(40) : "RURAL";
            calls.add(() -> {
                go.await();
                return Batcher.await(writer.storeAsync(row(hash(), survey, location)));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(60);
        int stored = 0;
        int refused = 0;
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            go.countDown();
            for (Future<Boolean> f : futures) {
                try {
                    assertTrue(f.get());
                    stored++;
                } catch (java.util.concurrent.ExecutionException e) {
                    ProblemException api = (ProblemException) e.getCause();
                    assertEquals(503, api.status());
                    refused++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(119, stored);
        assertEquals(1, refused);
        assertEquals(119, Fixtures.count("SELECT count(*) FROM response WHERE survey_id = '" + survey + "'"));
    }

    @Test
    void aFailedAnswerIsReportedAsUnavailableNotAsAnError() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Batcher.await(writer.storeAsync(row(hash(), UUID.randomUUID(), "Y".repeat(40)))));
        assertEquals(503, e.status());
        assertEquals(5, e.retryAfterSeconds());
    }

    private static byte[] hash() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static ResponseWriter.Row row(byte[] invitation, UUID survey, String location) {
        return new ResponseWriter.Row(invitation, survey, "4199990001", location, "PARENT",
                "{\"P01\":\"RECOGNISE\"}", "submission-" + java.util.HexFormat.of().formatHex(invitation, 0, 8),
                new int[] {1, 0, 0, 0}, 60_000L, new byte[16], new String[0],
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
