package io.balance.survey.bench;

import static io.balance.survey.Fixtures.admin;
import static io.balance.survey.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.SchoolV1;
import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedPostgresServer;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.DriverManager;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Submission throughput benchmark (not part of the normal test run: the class name does not match surefire's
 * test patterns). Run it with the command in benchmarks/README.md; it writes benchmarks/results.md.
 *
 * <p>Against the real service over HTTP and a real PostgreSQL switched to {@code fsync=on} (the test cluster
 * starts with fsync off; a 2xx must mean durable, so the benchmark pays for it):
 * <ol>
 * <li>fixed-rate phase: answers sent at a constant rate (open loop: latency counts from the moment a request
 * was due, so a stalled server cannot hide its queue), 1 % of them identical retries of earlier answers;</li>
 * <li>saturation phase: as many answers as {@code bench.concurrency} closed-loop clients can get stored;</li>
 * <li>ceiling: raw single-row INSERTs of the same row shape over JDBC with as many connections as the
 * service's pool, into a copy of the response table with the same indexes;</li>
 * <li>the count after the run: every 201 is exactly one stored answer, nothing lost or double counted.</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(DurableInfraResource.Profile.class)
class SubmitBenchmark {
    static final String COUNTY = "419981";
    static final String SCHOOL = COUNTY + "0001";
    static final int RATE = Integer.getInteger("bench.rate", 2000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    /** Open loop at the target rate before the measured seconds: the switch from the closed-loop warm-up settles. */
    static final int LEAD_IN_SECONDS = Integer.getInteger("bench.lead-in", 5);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 40);
    static final int SATURATION_SECONDS = Integer.getInteger("bench.saturation-seconds", 10);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 64);
    static final int MAX_IN_FLIGHT = Integer.getInteger("bench.max-in-flight", 64); // = client connections
    static final int POOL = Integer.getInteger("bench.raw-connections", 30); // quarkus.datasource.jdbc.max-size
    static double loadAtStart;

    @TestHTTPResource("/")
    URL base;

    private final AtomicInteger addressSeq = new AtomicInteger();
    /** Every code that got a 201: the count after the run must find exactly these stored. */
    private final java.util.Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    record Phase(String name, int sent, int ok, int replays, int conflicts, int failed, double seconds,
            long[] latenciesNanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMs(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
        }
    }

    @Test
    void submissions() throws Exception {
        loadAtStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        requireDurableCluster();
        Fixtures.send(Topics.JURISDICTIONS, COUNTY, new JurisdictionChangedV1(java.util.UUID.randomUUID().toString(), 1,
                Instant.now(), COUNTY, 1, "基准县", "COUNTY", "419900", 3_000_000L));
        Fixtures.send(Topics.SCHOOL_REGISTRY, SCHOOL, new SchoolChangedV1(java.util.UUID.randomUUID().toString(), 1,
                Instant.now(), SCHOOL, 1, new SchoolV1(SCHOOL, "基准测试小学", COUNTY, "PRIMARY", "URBAN", true, false)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM school WHERE school_code = '" + SCHOOL + "'") == 1
                        && count("SELECT count(*) FROM jurisdiction WHERE code = '" + COUNTY + "'") == 1);
        int fixedCodes = Math.max(RATE, 3_000) * WARMUP_SECONDS + RATE * (LEAD_IN_SECONDS + SECONDS);
        int saturationCodes = Math.max(20_000, RATE * 3 * SATURATION_SECONDS);
        int total = fixedCodes + saturationCodes;
        String survey = Fixtures.draftSurvey(COUNTY, 2025);
        // the benchmark needs more invitations than a real county: widen the plan (all parents, one urban school)
        as(admin()).body(Map.of("total", total, "byGroup", Map.of("PARENT", total, "STUDENT", 0, "TEACHER", 0,
                        "PRINCIPAL", 0, "NPC_DEPUTY", 0, "CPPCC_MEMBER", 0, "PUBLIC", 0), "byLocation", Map.of("URBAN", total)))
                .put("/api/v1/surveys/" + survey + "/sample-plan").then().statusCode(200);
        as(admin()).post("/api/v1/surveys/" + survey + "/open").then().statusCode(200);
        List<String> codes = new ArrayList<>(total);
        long issueStart = System.nanoTime();
        for (int left = total; left > 0; left -= 1000) {
            codes.addAll(Fixtures.invite(survey, SCHOOL, "PARENT", Math.min(1000, left)));
        }
        double issueSeconds = (System.nanoTime() - issueStart) / 1e9;
        // respondents opened their questionnaire a while ago (so the answers are not flagged as too fast)
        update("UPDATE invitation SET first_opened_at = now() - interval '10 minutes' WHERE survey_id = '"
                + survey + "'");

        String uri = base.toString().replaceAll("/$", "") + "/api/v1/public/responses";
        List<String> warmCodes = codes.subList(0, fixedCodes - RATE * (LEAD_IN_SECONDS + SECONDS));
        List<String> measuredCodes = codes.subList(fixedCodes - RATE * (LEAD_IN_SECONDS + SECONDS), fixedCodes);
        List<String> saturationPool = codes.subList(fixedCodes, total);

        // one load-generator JVM runs the three phases back to back: a closed-loop warm-up (the JIT compiles the
        // submit path at full speed without building a queue that an open-loop phase would then inherit), the
        // measured open loop at the target rate, and the closed-loop saturation
        Path load = Files.createTempDirectory("survey-bench-load-");
        List<String> measuredRequests = new ArrayList<>(measuredCodes.size());
        for (int i = 0; i < measuredCodes.size(); i++) {
            // every 100th request repeats the previous answer word for word half a millisecond later (a phone
            // retrying, usually while the first is still in flight): both get a 201 and one row is stored
            measuredRequests.add(i >= 100 && i % 100 == 0 ? measuredCodes.get(i - 1) : measuredCodes.get(i));
        }
        writeRequests(load.resolve("warm.req"), warmCodes);
        writeRequests(load.resolve("fixed.req"), measuredRequests);
        writeRequests(load.resolve("saturation.req"), saturationPool);
        runLoadGenerator(uri,
                "closed," + CONCURRENCY + "," + WARMUP_SECONDS + "," + load.resolve("warm.req") + "," + load.resolve("warm.out"),
                "fixed," + RATE + "," + MAX_IN_FLIGHT + "," + load.resolve("fixed.req") + "," + load.resolve("fixed.out"),
                "closed," + CONCURRENCY + "," + SATURATION_SECONDS + "," + load.resolve("saturation.req") + ","
                        + load.resolve("saturation.out"));
        Phase warm = phase("warm-up (closed loop, " + CONCURRENCY + " clients)", warmCodes, load.resolve("warm.out"),
                0, Integer.MAX_VALUE, -1);
        // one open-loop run: its first seconds are the lead-in, reported but not part of the target
        int leadIn = RATE * LEAD_IN_SECONDS;
        Phase lead = phase("fixed rate, lead-in (first " + LEAD_IN_SECONDS + " s, not in the target)", measuredRequests,
                load.resolve("fixed.out"), 0, leadIn, LEAD_IN_SECONDS);
        Phase fixed = phase("fixed rate, measured (" + SECONDS + " s)", measuredRequests, load.resolve("fixed.out"),
                leadIn, Integer.MAX_VALUE, -1);
        Phase saturation = phase("saturation (" + CONCURRENCY + " clients)", saturationPool,
                load.resolve("saturation.out"), 0, Integer.MAX_VALUE, -1);
        double raw = rawInsertRate(POOL, SATURATION_SECONDS);

        // the count after the run: every new 201 is exactly one stored answer
        int stored201 = acknowledged.size();
        long rows = count("SELECT count(*) FROM response WHERE survey_id = '" + survey + "'");
        long distinct = count("SELECT count(DISTINCT invitation) FROM response WHERE survey_id = '" + survey + "'");
        long itemsCounted = count("SELECT coalesce(sum(n_recognise + n_mostly + n_not + n_unknown), 0) "
                + "FROM response WHERE survey_id = '" + survey + "'");
        var results = as(admin()).get("/api/v1/surveys/" + survey + "/results").then().statusCode(200).extract().jsonPath();
        long apiCount = results.getLong("valid") + results.getLong("flagged");

        String report = report(issueSeconds, total, warm, lead, fixed, saturation, raw, stored201, rows, distinct,
                itemsCounted, apiCount);
        if (rows != stored201) {
            diagnose(survey, codes);
        }
        Path out = Path.of("benchmarks", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        assertEquals(0, warm.failed() + lead.failed() + fixed.failed() + saturation.failed(), "no request may fail");
        assertEquals(stored201, rows, "every 201 is one stored answer");
        assertEquals(rows, distinct, "one answer per invitation");
        assertEquals(rows * 10, itemsCounted, "every item of every answer is counted once");
        assertEquals(rows, apiCount, "the results count every stored answer once");
        assertTrue(fixed.ok() > 0);
    }

    /**
     * Reads the requests {@code from} (inclusive) to {@code to} (exclusive) of a phase's results; {@code seconds}
     * is their duration, or -1 for the rest of the phase's. A 201 for a code acknowledged before is an identical
     * retry (nothing stored).
     */
    private Phase phase(String name, List<String> codes, Path results, int from, int to, double seconds)
            throws Exception {
        List<String> lines = Files.readAllLines(results);
        int all = lines.size() - 1;
        if (seconds < 0) {
            seconds = Double.parseDouble(lines.get(0)) - (double) from / RATE;
        }
        to = Math.min(to, all);
        int sent = to - from;
        long[] latency = new long[sent];
        int ok = 0;
        int replays = 0;
        int conflicts = 0;
        int failed = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < sent; i++) {
            String line = lines.get(from + i + 1);
            int status = Integer.parseInt(line.substring(0, line.indexOf(' ')));
            latency[i] = Long.parseLong(line.substring(line.indexOf(' ') + 1));
            statuses.merge(status, 1, Integer::sum);
            if (status == 201) {
                ok++;
                if (!acknowledged.add(codes.get(from + i))) {
                    replays++; // the original or its retry, whichever came second
                }
            } else if (status == 409) {
                conflicts++;
            } else {
                failed++;
            }
        }
        if (failed > 0) {
            System.err.println(name + " statuses: " + statuses);
        }
        return new Phase(name, sent, ok, replays, conflicts, failed, seconds, latency);
    }

    /** Requests for the load generator: code and client address per line. */
    private void writeRequests(Path file, List<String> codes) throws Exception {
        StringBuilder sb = new StringBuilder(codes.size() * 40);
        for (String code : codes) {
            // respondents come from many networks: a different /24 for every 15 answers keeps the per-range limits
            // (120 requests, 20 answers a minute) out of the way, as they would be for real respondents
            int a = addressSeq.getAndIncrement() / 15;
            // one page load per invitation: a retry (the same code again) carries the same submission id
            String submissionId = java.util.UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.US_ASCII)).toString();
            sb.append(code).append(" 10.").append(a >> 8 & 0xff).append('.').append(a & 0xff).append(".9 ")
                    .append(submissionId).append('\n');
        }
        Files.writeString(file, sb);
    }

    /** Runs {@link LoadGenerator} in a JVM of its own with this test's class path; fails if it fails. */
    private static void runLoadGenerator(String uri, String... phases) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName(), uri));
        command.addAll(List.of(phases));
        Process p = new ProcessBuilder(command).inheritIO().start();
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                throw new AssertionError("the load generator did not finish");
            }
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "load generator exit code");
    }

    private static void shutdown(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("benchmark clients did not finish");
        }
    }

    /** The ceiling: the same single-row INSERT as the submit path, autocommit, straight over JDBC. */
    private double rawInsertRate(int connections, int seconds) throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_raw");
            st.execute("CREATE TABLE bench_raw (LIKE response INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            st.execute("CREATE SEQUENCE IF NOT EXISTS bench_raw_seq");
            st.execute("ALTER TABLE bench_raw ALTER COLUMN id SET DEFAULT nextval('bench_raw_seq')");
        }
        AtomicLong inserted = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        SecureRandom random = new SecureRandom();
        java.util.UUID surveyId = java.util.UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < connections; t++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = db(); PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw "
                            + "(invitation, survey_id, school_code, location, grp, answers, submission_id, n_recognise, n_mostly, "
                            + "n_not, n_unknown, duration_ms, client_key, flags, submitted_at) "
                            + "VALUES (?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?,?,?) ON CONFLICT (invitation) DO NOTHING")) {
                        byte[] hash = new byte[32];
                        byte[] key = new byte[16];
                        while (System.nanoTime() < end) {
                            random.nextBytes(hash);
                            random.nextBytes(key);
                            ps.setBytes(1, hash);
                            ps.setObject(2, surveyId);
                            ps.setString(3, SCHOOL);
                            ps.setString(4, "URBAN");
                            ps.setString(5, "PARENT");
                            ps.setString(6, LoadGenerator.ANSWERS);
                            ps.setString(7, java.util.UUID.randomUUID().toString());
                            ps.setInt(8, 5);
                            ps.setInt(9, 3);
                            ps.setInt(10, 1);
                            ps.setInt(11, 1);
                            ps.setLong(12, 600_000);
                            ps.setBytes(13, key);
                            ps.setArray(14, c.createArrayOf("text", new Object[0]));
                            ps.setTimestamp(15, java.sql.Timestamp.from(Instant.now()));
                            inserted.addAndGet(ps.executeUpdate());
                        }
                    }
                    return null;
                }));
            }
        } finally {
            shutdown(pool);
        }
        for (Future<?> f : futures) {
            f.get(); // a client that died surfaces here
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long rows = count("SELECT count(*) FROM bench_raw");
        assertEquals(inserted.get(), rows);
        update("DROP TABLE bench_raw");
        return rows / elapsed;
    }

    /** Which codes are stored without a 201, or acknowledged without being stored (index in the issued list). */
    private void diagnose(String survey, List<String> codes) throws Exception {
        Map<String, Integer> byHash = new java.util.HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            byHash.put(java.util.HexFormat.of().formatHex(io.balance.survey.common.Secrets.sha256(
                    codes.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII))), i);
        }
        java.util.Set<String> storedHashes = new java.util.HashSet<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT encode(invitation, 'hex') FROM response WHERE survey_id = ?::uuid")) {
            ps.setString(1, survey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    storedHashes.add(rs.getString(1));
                }
            }
        }
        List<Integer> storedNotAcked = new ArrayList<>();
        List<Integer> ackedNotStored = new ArrayList<>();
        byHash.forEach((hash, i) -> {
            boolean acked = acknowledged.contains(codes.get(i));
            if (storedHashes.contains(hash) && !acked) {
                storedNotAcked.add(i);
            } else if (acked && !storedHashes.contains(hash)) {
                ackedNotStored.add(i);
            }
        });
        java.util.Collections.sort(storedNotAcked);
        java.util.Collections.sort(ackedNotStored);
        System.err.println("stored without a 201: " + storedNotAcked.size() + " e.g. "
                + storedNotAcked.subList(0, Math.min(30, storedNotAcked.size())));
        System.err.println("201 but not stored: " + ackedNotStored.size() + " e.g. "
                + ackedNotStored.subList(0, Math.min(30, ackedNotStored.size())));
    }

    /** A 201 must mean durable: the benchmark's cluster commits with fsync and synchronous commit. */
    private static void requireDurableCluster() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit")) {
                try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(DurableInfraResource.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    static long count(String sql) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void update(String sql) throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static String report(double issueSeconds, int issued, Phase warm, Phase lead, Phase fixed, Phase saturation,
            double raw, int stored201, long rows, long distinct, long items, long apiCount) {
        StringBuilder sb = new StringBuilder();
        sb.append("# survey-service submission benchmark: results\n\n");
        sb.append("Generated by `SubmitBenchmark` (command in README.md) on ").append(Instant.now()).append(".\n\n");
        sb.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name"))
                .append(' ').append(System.getProperty("os.arch")).append(String.format(Locale.ROOT, "; load average %.2f at the start, ", loadAtStart)).append("at the end ")
                .append(String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(". Service, load generator and PostgreSQL 17 (fsync on, synchronous_commit on) share the machine.\n\n");
        sb.append(String.format(Locale.ROOT, "Set-up: %d invitations issued through the API in %.1f s. Settings: rate %d/s, "
                + "%d s warm-up, %d s lead-in + %d s measured at the fixed rate, at most %d connections (fixed rate); saturation %d clients for %d s. The load generator is a JVM of its own (one Vert.x event loop, keep-alive HTTP/1.1).%n%n",
                issued, issueSeconds, RATE, WARMUP_SECONDS, LEAD_IN_SECONDS, SECONDS, MAX_IN_FLIGHT, CONCURRENCY, SATURATION_SECONDS));
        sb.append("| phase | requests | stored (201) | identical retries (201, nothing stored) | 409 | failed | seconds "
                + "| answers stored / s | p50 ms | p95 ms | p99 ms | max ms |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : List.of(warm, lead, fixed, saturation)) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f |%n",
                    p.name(), p.sent(), p.ok() - p.replays(), p.replays(), p.conflicts(), p.failed(), p.seconds(),
                    (p.ok() - p.replays()) / p.seconds(), p.percentileMs(50), p.percentileMs(95), p.percentileMs(99),
                    p.percentileMs(100)));
        }
        double fixedRate = (fixed.ok() - fixed.replays()) / fixed.seconds();
        double satRate = saturation.ok() / saturation.seconds();
        sb.append(String.format(Locale.ROOT, "%nCeiling: raw single-row INSERTs of the same row (autocommit, %d JDBC "
                + "connections, same indexes): **%.0f rows/s**.%n%n", POOL, raw));
        sb.append(String.format(Locale.ROOT, "- Target %d submissions/s with p99 < 100 ms: %.0f requests/s answered, of "
                + "which %.0f/s stored new answers (the rest identical retries), p99 %.1f ms: **%s**%n", RATE,
                fixed.ok() / fixed.seconds(), fixedRate, fixed.percentileMs(99),
                fixedRate >= RATE * 0.98 && fixed.percentileMs(99) < 100 ? "PASS" : "FAIL"));
        sb.append(String.format(Locale.ROOT, "- Saturation: %.0f submissions/s = **%.0f %%** of the raw insert ceiling%n",
                satRate, 100 * satRate / raw));
        sb.append(String.format(Locale.ROOT, "- Fixed-rate phase: %.0f %% of the ceiling%n", 100 * fixedRate / raw));
        sb.append(String.format(Locale.ROOT, "- Count after the run: %d new 201s, %d stored rows, %d distinct invitations, "
                + "%d item answers (10 per row), results API counts %d: **%s**%n", stored201, rows, distinct, items,
                apiCount, stored201 == rows && rows == distinct && items == rows * 10 && apiCount == rows
                        ? "nothing lost, nothing double counted" : "MISMATCH"));
        return sb.toString();
    }
}
