package io.balance.survey.bench;

import static io.balance.survey.Fixtures.admin;
import static io.balance.survey.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Submit-path benchmark (not part of the default build; see benchmarks/README.md). An open-loop load at a
 * fixed rate of POST /api/v1/public/responses against the real app, PostgreSQL and broker on this machine;
 * latency counted from each request's scheduled start (no coordinated omission). In the same run, the raw
 * single-row INSERT rate of PostgreSQL (the ceiling of any design that stores each answer durably before its
 * 2xx). Afterwards the stored rows are counted: none lost, none twice.
 */
@QuarkusTest
@Tag("benchmark")
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class SubmitBenchmarkTest {
    static final String COUNTY = "419951";
    static final int RATE = Integer.getInteger("bench.rate", 2000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 4000);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);

    @TestHTTPResource("/")
    URL base;

    @Test
    void sustainedSubmissions() throws Exception {
        Fixtures.county(COUNTY, 40_000_000, List.of(new Fixtures.SchoolSpec(COUNTY + "0001", "基准学校", "URBAN")));
        String survey = Fixtures.draftSurvey(COUNTY, 2025);
        int needed = WARMUP + RATE * SECONDS;
        // 1.5 ‰ of 40 M = 60 000; give parents the room the benchmark needs
        int parents = 60_000 - 6 * 1000;
        as(admin()).body(Map.of("total", 60_000, "byGroup", Map.of("PARENT", parents, "STUDENT", 1000, "TEACHER", 1000,
                        "PRINCIPAL", 1000, "NPC_DEPUTY", 1000, "CPPCC_MEMBER", 1000, "PUBLIC", 1000),
                "byLocation", Map.of("URBAN", parents + 3000)))
                .put("/api/v1/surveys/" + survey + "/sample-plan").then().statusCode(200);
        as(admin()).post("/api/v1/surveys/" + survey + "/open").then().statusCode(200);
        List<String> codes = new ArrayList<>(needed);
        while (codes.size() < needed) {
            codes.addAll(Fixtures.invite(survey, COUNTY + "0001", "PARENT", Math.min(1000, needed - codes.size())));
        }
        // respondents opened the page minutes ago (so the answers are not flagged as too fast)
        Fixtures.update("UPDATE invitation SET first_opened_at = now() - interval '5 minutes' WHERE survey_id = '"
                + survey + "'");
        List<String> items = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10");

        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(-1));
        try {
            Run warm = load(client, codes.subList(0, WARMUP), items, RATE);
            Run run = load(client, codes.subList(WARMUP, needed), items, RATE);
            double raw = rawInsertRate(Math.max(8, 16), 5);
            long stored = Fixtures.count("SELECT count(*) FROM response WHERE survey_id = '" + survey + "'");
            long distinct = Fixtures.count("SELECT count(DISTINCT invitation) FROM response WHERE survey_id = '"
                    + survey + "'");
            String report = report(warm, run, raw, stored, distinct, needed);
            System.out.println(report);
            Path out = Path.of("benchmarks", "results.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertEquals(needed, stored, "every accepted answer stored once");
            assertEquals(stored, distinct);
            assertEquals(0, warm.failed.get() + run.failed.get(), "no failed submissions");
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static final class Run {
        final long[] latencyMicros;
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong lastDone = new AtomicLong();
        long startNanos;
        int target;

        Run(int n) {
            latencyMicros = new long[n];
        }

        double seconds() {
            return (lastDone.get() - startNanos) / 1e9;
        }

        long percentile(double p) {
            long[] sorted = latencyMicros.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    /** Sends one submission per code at {@code rate} per second, open loop. */
    static Run load(HttpClient client, List<String> codes, List<String> items, int rate) throws Exception {
        Run run = new Run(codes.size());
        run.target = rate;
        CountDownLatch done = new CountDownLatch(codes.size());
        String[] values = {"RECOGNISE", "MOSTLY", "NOT", "UNKNOWN"};
        run.startNanos = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < codes.size(); i++) {
            long scheduled = run.startNanos + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 200_000) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            StringBuilder body = new StringBuilder(256).append("{\"invitation\":\"").append(codes.get(i))
                    .append("\",\"answers\":{");
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int j = 0; j < items.size(); j++) {
                body.append(j == 0 ? "" : ",").append('"').append(items.get(j)).append("\":\"")
                        .append(values[random.nextInt(4)]).append('"');
            }
            body.append("}}");
            String address = "10." + random.nextInt(1, 250) + "." + random.nextInt(250) + "." + random.nextInt(1, 250);
            int index = i;
            client.request(HttpMethod.POST, "/api/v1/public/responses")
                    .compose(req -> req.putHeader("Content-Type", "application/json")
                            .putHeader("X-Forwarded-For", address).send(Buffer.buffer(body.toString()))
                            .compose(resp -> resp.body().map(b -> resp.statusCode())))
                    .onComplete(ar -> {
                        long now = System.nanoTime();
                        run.latencyMicros[index] = (now - scheduled) / 1000;
                        if (ar.succeeded() && ar.result() == 201) {
                            run.ok.incrementAndGet();
                        } else {
                            run.failed.incrementAndGet();
                        }
                        run.lastDone.accumulateAndGet(now, Math::max);
                        done.countDown();
                    });
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new AssertionError("load did not finish");
        }
        return run;
    }

    /** Raw PostgreSQL: single-row auto-commit INSERTs of a response-shaped row from {@code threads} connections. */
    static double rawInsertRate(int threads, int seconds) throws Exception {
        try (Connection c = Fixtures.db()) {
            c.createStatement().execute("DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (id BIGSERIAL PRIMARY "
                    + "KEY, invitation BYTEA NOT NULL UNIQUE, survey_id UUID NOT NULL, grp TEXT NOT NULL, "
                    + "answers JSONB NOT NULL, client_key BYTEA NOT NULL, submitted_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                try (Connection c = Fixtures.db(); PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw "
                        + "(invitation, survey_id, grp, answers, client_key) VALUES (?, gen_random_uuid(), 'PARENT', "
                        + "'{\"P01\":\"RECOGNISE\",\"P02\":\"MOSTLY\"}'::jsonb, ?)")) {
                    byte[] key = new byte[32];
                    while (System.nanoTime() < end) {
                        ThreadLocalRandom.current().nextBytes(key);
                        ps.setBytes(1, key);
                        ps.setBytes(2, Arrays.copyOf(key, 16));
                        ps.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (Connection c = Fixtures.db()) {
            c.createStatement().execute("DROP TABLE bench_raw");
        }
        return rows.get() / elapsed;
    }

    static String report(Run warm, Run run, double raw, long stored, long distinct, int expected) {
        double achieved = run.ok.get() / run.seconds();
        return "# survey-service submit benchmark: results\n\n"
                + "Run " + Instant.now() + " on this machine (" + Runtime.getRuntime().availableProcessors()
                + " cores), app, PostgreSQL 17, Kafka broker and load generator all on it.\n"
                + "Command: see README.md. Target rate " + run.target + "/s for " + run.latencyMicros.length
                + " submissions after " + warm.latencyMicros.length + " warm-up submissions; " + CONNECTIONS
                + " HTTP connections.\n\n"
                + "| measure | value |\n|---|---|\n"
                + "| submissions accepted (201) in the measured run | " + run.ok.get() + " |\n"
                + "| failed submissions (warm-up + run) | " + (warm.failed.get() + run.failed.get()) + " |\n"
                + String.format("| sustained throughput | %.0f submissions/s |%n", achieved)
                + String.format("| latency p50 / p90 / p99 / max (from scheduled start) | %.1f / %.1f / %.1f / %.1f ms |%n",
                        run.percentile(0.50) / 1000.0, run.percentile(0.90) / 1000.0, run.percentile(0.99) / 1000.0,
                        run.percentile(1.0) / 1000.0)
                + String.format("| raw PostgreSQL single-row INSERT rate (16 connections, auto-commit) | %.0f rows/s |%n", raw)
                + String.format("| service throughput / raw insert rate | %.2f |%n", achieved / raw)
                + "| rows stored for the campaign after the run | " + stored + " (expected " + expected + ") |\n"
                + "| distinct invitations among them | " + distinct + " |\n\n"
                + "Pass criteria: ≥ 2000 submissions/s sustained, p99 < 100 ms, stored = accepted, no duplicates.\n";
    }
}
