package io.balance.indicator.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.SchoolV1;
import io.balance.contracts.Topics;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.intake.ReadModel.Affected;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluations from the read model. Reads evaluate on demand from cached county inputs (the cache entry is
 * reused while the county's input version is unchanged). Writes of inputs call {@link #recompute} in their
 * transaction: it evaluates the affected county-years under every applicable rule set, stores the headline
 * and, when the evaluation changed, writes {@code indicator.evaluations.v1} to the outbox in the same
 * transaction.
 */
@ApplicationScoped
public class EvaluationService {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    RuleSetService ruleSets;
    @Inject
    io.balance.indicator.outbox.OutboxRelay outbox;
    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;
    /** This bean through its proxy, so that @Transactional applies to calls from within. */
    @Inject
    EvaluationService self;

    private final Map<String, CountyInputs> cache = new ConcurrentHashMap<>();
    /** Evaluations of cached inputs: valid while the very same inputs object and rule-set version are current. */
    private final Map<String, CachedEvaluation> evaluated = new ConcurrentHashMap<>();

    /** {@code json}: the serialised evaluation, made on the first read that asks for it. */
    private static final class CachedEvaluation {
        final CountyInputs inputs;
        final Evaluation evaluation;
        volatile byte[] json;

        CachedEvaluation(CountyInputs inputs, Evaluation evaluation) {
            this.inputs = inputs;
            this.evaluation = evaluation;
        }
    }

    /** The evaluation is a pure function of inputs and rules, so a warm read only checks that neither changed. */
    public Evaluation evaluate(String countyCode, int year, RuleSet rules) {
        return cached(countyCode, year, rules).evaluation;
    }

    /** The evaluation as JSON, serialised once per change of its inputs (a 500-school county is ~400 KB). */
    public byte[] evaluationJson(String countyCode, int year, RuleSet rules) {
        CachedEvaluation c = cached(countyCode, year, rules);
        byte[] bytes = c.json;
        if (bytes == null) {
            try {
                bytes = json.writeValueAsBytes(c.evaluation);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            c.json = bytes;
        }
        return bytes;
    }

    private CachedEvaluation cached(String countyCode, int year, RuleSet rules) {
        CountyInputs in = inputs(countyCode, year);
        String key = countyCode + "/" + year + "/" + rules.code() + "/" + rules.version();
        CachedEvaluation hit = evaluated.get(key);
        if (hit != null && hit.inputs == in) {
            return hit;
        }
        CachedEvaluation fresh = new CachedEvaluation(in, Evaluator.evaluate(in, rules));
        if (evaluated.size() > 20_000) {
            evaluated.clear();
        }
        evaluated.put(key, fresh);
        return fresh;
    }

    /** The county's inputs, from the cache while its input version is unchanged. */
    public CountyInputs inputs(String countyCode, int year) {
        try (Connection c = dataSource.getConnection()) {
            long version = version(c, countyCode);
            String key = countyCode + "/" + year;
            CountyInputs cached = cache.get(key);
            if (cached != null && cached.version() == version) {
                return cached;
            }
            CountyInputs loaded = load(c, countyCode, year, version);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(key, loaded);
            return loaded;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether anything at all is known about the county (else a 404). */
    public boolean known(String countyCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select exists (select 1 from jurisdiction where code = ?)
                            or exists (select 1 from school where county_code = ?)
                            or exists (select 1 from school_report where county_code = ?)
                            or exists (select 1 from county_finding where county_code = ?)
                            or exists (select 1 from survey_result where county_code = ?)""")) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, countyCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An approved report of a school for a year, or null. */
    public CountyInputs.ApprovedReport report(String schoolCode, int year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select school, report, revision from school_report where school_code = ? and year = ?")) {
            ps.setString(1, schoolCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? approved(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The county of a school from the registry or any report, or null when unknown. */
    public String countyOfSchool(String schoolCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select county_code from school where school_code = ?
                        union all (select county_code from school_report where school_code = ? order by year desc limit 1)""")) {
            ps.setString(1, schoolCode);
            ps.setString(2, schoolCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored headlines of every year, oldest first, for trends. */
    public List<Map<String, Object>> history(String countyCode, String ruleSet) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select summary, revision, computed_at from county_evaluation
                        where county_code = ? and rule_set = ? order by year""")) {
            ps.setString(1, countyCode);
            ps.setString(2, ruleSet);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = json.readValue(rs.getString(1), LinkedHashMap.class);
                    m.put("revision", rs.getLong(2));
                    m.put("computedAt", rs.getTimestamp(3).toInstant().toString());
                    out.add(m);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Counties known under a jurisdiction (registry, reports, findings), with their names. */
    public Map<String, String> countiesUnder(String jurisdictionCode, int year) {
        String prefix = io.balance.contracts.JurisdictionScope.prefixOf(jurisdictionCode);
        Map<String, String> out = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select code, name from jurisdiction where level = 'COUNTY' and code like ?
                        union select distinct county_code, null from school_report where year = ? and county_code like ?
                        union select county_code, null from county_finding where year = ? and county_code like ?""")) {
            ps.setString(1, prefix + "%");
            ps.setInt(2, year);
            ps.setString(3, prefix + "%");
            ps.setInt(4, year);
            ps.setString(5, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    if (io.balance.contracts.JurisdictionScope.covers(jurisdictionCode, code)) {
                        String name = rs.getString(2);
                        if (name != null || !out.containsKey(code)) {
                            out.put(code, name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public String name(String code) {
        try (Connection c = dataSource.getConnection()) {
            return name(c, code);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- recompute on change (inside the writer's transaction) ----

    /** Re-evaluates the affected county-years under every applicable rule set; returns how many changed. */
    public int recompute(Connection c, Collection<Affected> affected) throws SQLException {
        Set<String> keys = new TreeSet<>();
        for (Affected a : affected) {
            if (a.year() != null) {
                keys.add(a.countyCode() + "/" + a.year());
            } else {
                for (int year : years(c, a.countyCode())) {
                    keys.add(a.countyCode() + "/" + year);
                }
            }
        }
        int changed = 0;
        for (String key : keys) {
            String county = key.substring(0, 6);
            int year = Integer.parseInt(key.substring(7));
            CountyInputs inputs = load(c, county, year, version(c, county));
            for (RuleSet rules : ruleSets.applicable(c, county)) {
                if (store(c, Evaluator.evaluate(inputs, rules), inputs, rules)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Stores the evaluation's headline; on change bumps its revision and writes the event to the outbox. */
    boolean store(Connection c, Evaluation e, CountyInputs in, RuleSet rules) throws SQLException {
        String digest = digest(e);
        long revision = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "select digest, revision from county_evaluation where county_code = ? and year = ? and rule_set = ? for update")) {
            ps.setString(1, e.countyCode());
            ps.setInt(2, e.year());
            ps.setString(3, e.ruleSet());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (digest.equals(rs.getString(1))) {
                        return false;
                    }
                    revision = rs.getLong(2);
                }
            }
        }
        writeChange(c, e, EvaluationDetails.of(e, in, rules), digest, revision + 1);
        return true;
    }

    private static final String UPSERT_EVALUATION = """
            insert into county_evaluation (county_code, year, rule_set, rule_set_version, revision, verdict,
                based_on_reports, digest, summary, computed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
            on conflict (county_code, year, rule_set) do update set rule_set_version = excluded.rule_set_version,
                revision = excluded.revision, verdict = excluded.verdict, based_on_reports = excluded.based_on_reports,
                digest = excluded.digest, summary = excluded.summary, computed_at = excluded.computed_at""";
    private static final String INSERT_OUTBOX = "insert into outbox_event (event_id, topic, message_key, payload) values (?, ?, ?, ?)";

    private void writeChange(Connection c, Evaluation e, io.balance.contracts.EvaluationDetailsV1 details, String digest,
            long revision) throws SQLException {
        try (ChangeWriter w = new ChangeWriter(c, 1)) {
            w.add(e, details, digest, revision);
        }
    }

    /**
     * Writes changed evaluations and their outbox rows in JDBC batches (a full recompute changes thousands);
     * flushes every {@code batchSize} changes and on close.
     */
    private final class ChangeWriter implements AutoCloseable {
        private final PreparedStatement evaluation;
        private final PreparedStatement outboxRow;
        private final int batchSize;
        private int pending;

        ChangeWriter(Connection c, int batchSize) throws SQLException {
            this.evaluation = c.prepareStatement(UPSERT_EVALUATION);
            this.outboxRow = c.prepareStatement(INSERT_OUTBOX);
            this.batchSize = batchSize;
        }

        void add(Evaluation e, io.balance.contracts.EvaluationDetailsV1 details, String digest, long revision)
                throws SQLException {
            evaluation.setString(1, e.countyCode());
            evaluation.setInt(2, e.year());
            evaluation.setString(3, e.ruleSet());
            evaluation.setInt(4, e.ruleSetVersion());
            evaluation.setLong(5, revision);
            evaluation.setString(6, e.verdict());
            evaluation.setInt(7, e.basedOnReports());
            evaluation.setString(8, digest);
            evaluation.setString(9, write(Summary.of(e)));
            evaluation.addBatch();
            EvaluationChangedV1 event = new EvaluationChangedV1(UUID.randomUUID().toString(),
                    EvaluationChangedV1.SCHEMA_VERSION, Instant.now(), e.countyCode(), e.year(), e.ruleSet(), revision,
                    e.verdict(), e.basedOnReports(), e.failingParts(), e.missingInputs(), details);
            outboxRow.setString(1, event.eventId());
            outboxRow.setString(2, Topics.INDICATOR_EVALUATIONS);
            outboxRow.setString(3, e.countyCode());
            outboxRow.setString(4, write(event));
            outboxRow.addBatch();
            if (++pending >= batchSize) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                evaluation.executeBatch();
                outboxRow.executeBatch();
                pending = 0;
                relayAfterCommit();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                evaluation.close();
                outboxRow.close();
            }
        }
    }

    /** Wakes the outbox relay once the writing transaction has committed (once per transaction). */
    private void relayAfterCommit() {
        if (transactions.getTransactionStatus() != jakarta.transaction.Status.STATUS_ACTIVE
                || transactions.getResource(OutboxNudge.class) != null) {
            return;
        }
        transactions.putResource(OutboxNudge.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new OutboxNudge(outbox));
    }

    private record OutboxNudge(io.balance.indicator.outbox.OutboxRelay relay) implements jakarta.transaction.Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                relay.nudge();
            }
        }
    }

    // ---- full recompute (admin, after a rule-set change, benchmark) ----

    public record RecomputeStats(int counties, int schoolReports, int schoolStages, int evaluations, int changed,
            long millis) {
    }

    /** Re-evaluates every county of the given year (or of every year with data when null), each year in its own transaction. */
    public List<RecomputeStats> recomputeYears(Integer year) {
        List<Integer> years = new ArrayList<>();
        if (year != null) {
            years.add(year);
        } else {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select year from school_report union select year from county_finding"
                            + " union select year from survey_result order by 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        List<RecomputeStats> stats = new ArrayList<>();
        for (int y : years) {
            stats.add(self.recomputeYearInTransaction(y));
        }
        return stats;
    }

    @jakarta.transaction.Transactional
    public RecomputeStats recomputeYearInTransaction(int year) {
        try (Connection c = dataSource.getConnection()) {
            return recomputeYear(c, year);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-evaluates every county of a year under every applicable rule set, streaming reports county by county. */
    public RecomputeStats recomputeYear(Connection c, int year) throws SQLException {
        long start = System.nanoTime();
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select code, name from jurisdiction where level = 'COUNTY'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, List<CountyInputs.RegisteredSchool>> registered = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select county_code, school_code, name, type from school where registered_at < ? order by school_code")) {
            ps.setTimestamp(1, endOfSchoolYear(year));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    registered.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new CountyInputs.RegisteredSchool(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        Map<String, Findings> findings = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select county_code, document from county_finding where year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.put(rs.getString(1), read(rs.getString(2), Findings.class));
                }
            }
        }
        Map<String, CountyInputs.SurveyInput> surveys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select distinct on (county_code) county_code, " + SURVEY_COLUMNS
                + " from survey_result where year = ? order by county_code, closed desc, occurred_at desc nulls last")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    surveys.put(rs.getString(1), survey(rs, 2));
                }
            }
        }
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, Long> revisions = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select county_code, rule_set, digest, revision from county_evaluation where year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
                    revisions.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(4));
                }
            }
        }
        Collection<RuleSet> sets = ruleSets.all(c).values();
        Set<String> pending = new TreeSet<>(findings.keySet());
        pending.addAll(surveys.keySet());
        int[] counts = new int[5];
        try (ChangeWriter writer = new ChangeWriter(c, 500)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select county_code, school, report, revision from school_report where year = ? order by county_code, school_code")) {
                ps.setInt(1, year);
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    String county = null;
                    List<CountyInputs.ApprovedReport> reports = new ArrayList<>();
                    while (rs.next()) {
                        String next = rs.getString(1);
                        if (county != null && !county.equals(next)) {
                            evaluateCounty(writer, county, year, reports, names, registered, findings, surveys, digests, revisions, sets, counts);
                            pending.remove(county);
                            reports = new ArrayList<>();
                        }
                        county = next;
                        reports.add(new CountyInputs.ApprovedReport(read(rs.getString(2), SchoolV1.class),
                                read(rs.getString(3), AnnualReportV1.class), rs.getLong(4)));
                    }
                    if (county != null) {
                        evaluateCounty(writer, county, year, reports, names, registered, findings, surveys, digests, revisions, sets, counts);
                        pending.remove(county);
                    }
                }
            }
            for (String county : pending) {
                evaluateCounty(writer, county, year, List.of(), names, registered, findings, surveys, digests, revisions, sets, counts);
            }
        }
        return new RecomputeStats(counts[0], counts[1], counts[2], counts[3], counts[4],
                (System.nanoTime() - start) / 1_000_000);
    }

    private void evaluateCounty(ChangeWriter writer, String county, int year, List<CountyInputs.ApprovedReport> reports,
            Map<String, String> names, Map<String, List<CountyInputs.RegisteredSchool>> registered,
            Map<String, Findings> findings, Map<String, CountyInputs.SurveyInput> surveys, Map<String, String> digests,
            Map<String, Long> revisions, Collection<RuleSet> sets, int[] counts) throws SQLException {
        CountyInputs in = new CountyInputs(county, names.get(county), year, reports,
                registered.getOrDefault(county, List.of()), findings.get(county), surveys.get(county), 0);
        counts[0]++;
        counts[1] += reports.size();
        for (CountyInputs.ApprovedReport r : reports) {
            for (String stage : io.balance.indicator.calc.Stages.COMPULSORY) {
                if (io.balance.indicator.calc.ReportFields.students(r.report(), stage) > 0) {
                    counts[2]++;
                }
            }
        }
        for (RuleSet rules : sets) {
            if (!RuleSetService.appliesTo(rules, county)) {
                continue;
            }
            Evaluation e = Evaluator.evaluate(in, rules);
            counts[3]++;
            String key = county + "/" + rules.code();
            String digest = digest(e);
            if (!digest.equals(digests.get(key))) {
                writer.add(e, EvaluationDetails.of(e, in, rules), digest, revisions.getOrDefault(key, 0L) + 1);
                counts[4]++;
            }
        }
    }

    // ---- loading ----

    private static final String SURVEY_COLUMNS = "survey_id, rate, valid, flagged, valid_return_rate, closed, revision";

    CountyInputs load(Connection c, String countyCode, int year, long version) throws SQLException {
        List<CountyInputs.ApprovedReport> reports = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select school, report, revision from school_report where county_code = ? and year = ? order by school_code")) {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(approved(rs));
                }
            }
        }
        List<CountyInputs.RegisteredSchool> registered = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select school_code, name, type from school where county_code = ? and registered_at < ? order by school_code")) {
            ps.setString(1, countyCode);
            ps.setTimestamp(2, endOfSchoolYear(year));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    registered.add(new CountyInputs.RegisteredSchool(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        Findings findings = null;
        try (PreparedStatement ps = c.prepareStatement("select document from county_finding where county_code = ? and year = ?")) {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    findings = read(rs.getString(1), Findings.class);
                }
            }
        }
        CountyInputs.SurveyInput survey = null;
        try (PreparedStatement ps = c.prepareStatement("select " + SURVEY_COLUMNS + " from survey_result"
                + " where county_code = ? and year = ? order by closed desc, occurred_at desc nulls last limit 1")) {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    survey = survey(rs, 1);
                }
            }
        }
        return new CountyInputs(countyCode, name(c, countyCode), year, reports, registered, findings, survey, version);
    }

    private static CountyInputs.SurveyInput survey(ResultSet rs, int from) throws SQLException {
        Double rate = rs.getObject(from + 1) == null ? null : rs.getDouble(from + 1);
        Double validReturn = rs.getObject(from + 4) == null ? null : rs.getDouble(from + 4);
        return new CountyInputs.SurveyInput(rs.getString(from), rate, rs.getLong(from + 2), rs.getLong(from + 3),
                validReturn, rs.getBoolean(from + 5), rs.getLong(from + 6));
    }

    private CountyInputs.ApprovedReport approved(ResultSet rs) throws SQLException {
        return new CountyInputs.ApprovedReport(read(rs.getString(1), SchoolV1.class), read(rs.getString(2), AnnualReportV1.class),
                rs.getLong(3));
    }

    private static long version(Connection c, String countyCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from county_input_version where county_code = ?")) {
            ps.setString(1, countyCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static String name(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select name from jurisdiction where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Set<Integer> years(Connection c, String countyCode) throws SQLException {
        Set<Integer> years = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select year from school_report where county_code = ?
                union select year from county_finding where county_code = ?
                union select year from survey_result where county_code = ?
                union select year from county_evaluation where county_code = ?""")) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, countyCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
        }
        return years;
    }

    /** A school registered before the school year ended (31 August of year + 1) is expected to report for it. */
    static Timestamp endOfSchoolYear(int year) {
        return Timestamp.from(LocalDate.of(year + 1, 9, 1).atStartOfDay(CHINA).toInstant());
    }

    String digest(Evaluation e) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(e));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException | JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Used by the findings writer: the stored document as text. */
    public String toJson(Object o) {
        return write(o);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
