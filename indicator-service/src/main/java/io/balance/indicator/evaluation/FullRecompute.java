package io.balance.indicator.evaluation;

import io.agroal.api.AgroalDataSource;
import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.finding.Funding;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-evaluation of every county of a year under every applicable rule set (operator endpoint, after a
 * rule-set change, benchmark): one year's reports are streamed ordered by county, each county is evaluated in
 * memory and only evaluations whose digest changed are written, in JDBC batches.
 */
@ApplicationScoped
public class FullRecompute {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    RuleSetService ruleSets;
    @Inject
    CountyInputsRepository inputs;
    @Inject
    EvaluationStore store;
    /** This bean through its proxy, so that @Transactional applies to calls from within. */
    @Inject
    FullRecompute self;

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

    @Transactional
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
            ps.setTimestamp(1, CountyInputsRepository.endOfSchoolYear(year));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    registered.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new CountyInputs.RegisteredSchool(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        Map<String, Findings> findings = new LinkedHashMap<>();
        Map<String, Map<Integer, Funding>> funding = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select county_code, year, case when year = ? then document end, document -> 'funding' from county_finding
                where year between ? and ?""")) {
            ps.setInt(1, year);
            ps.setInt(2, year - GrowthChecks.MAX_YEARS);
            ps.setInt(3, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3) != null) {
                        findings.put(rs.getString(1), inputs.read(rs.getString(3), Findings.class));
                    }
                    String f = rs.getString(4);
                    if (f != null && !"null".equals(f)) {
                        funding.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), inputs.read(f, Funding.class));
                    }
                }
            }
        }
        Map<String, CountyInputs.SurveyInput> surveys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select distinct on (county_code) county_code, " + CountyInputsRepository.SURVEY_COLUMNS
                + " from survey_result where year = ? order by county_code, closed desc, occurred_at desc nulls last")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    surveys.put(rs.getString(1), CountyInputsRepository.survey(rs, 2));
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
        try (EvaluationStore.ChangeWriter writer = store.writer(c, 500)) {
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
                            evaluateCounty(writer, county, year, reports, names, registered, findings, funding, surveys, digests, revisions, sets, counts);
                            pending.remove(county);
                            reports = new ArrayList<>();
                        }
                        county = next;
                        reports.add(new CountyInputs.ApprovedReport(inputs.read(rs.getString(2), SchoolV1.class),
                                inputs.read(rs.getString(3), AnnualReportV1.class), rs.getLong(4)));
                    }
                    if (county != null) {
                        evaluateCounty(writer, county, year, reports, names, registered, findings, funding, surveys, digests, revisions, sets, counts);
                        pending.remove(county);
                    }
                }
            }
            for (String county : pending) {
                evaluateCounty(writer, county, year, List.of(), names, registered, findings, funding, surveys, digests, revisions, sets, counts);
            }
        }
        return new RecomputeStats(counts[0], counts[1], counts[2], counts[3], counts[4],
                (System.nanoTime() - start) / 1_000_000);
    }

    private void evaluateCounty(EvaluationStore.ChangeWriter writer, String county, int year, List<CountyInputs.ApprovedReport> reports,
            Map<String, String> names, Map<String, List<CountyInputs.RegisteredSchool>> registered,
            Map<String, Findings> findings, Map<String, Map<Integer, Funding>> funding,
            Map<String, CountyInputs.SurveyInput> surveys, Map<String, String> digests,
            Map<String, Long> revisions, Collection<RuleSet> sets, int[] counts) throws SQLException {
        CountyInputs in = new CountyInputs(county, names.get(county), year, reports,
                registered.getOrDefault(county, List.of()), findings.get(county), surveys.get(county), 0,
                funding.getOrDefault(county, Map.of()));
        counts[0]++;
        counts[1] += reports.size();
        for (CountyInputs.ApprovedReport r : reports) {
            for (String stage : Stages.COMPULSORY) {
                if (ReportFields.students(r.report(), stage) > 0) {
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
            String digest = store.digest(e);
            if (!digest.equals(digests.get(key))) {
                writer.add(e, EvaluationDetails.of(e, in, rules), digest, revisions.getOrDefault(key, 0L) + 1);
                counts[4]++;
            }
        }
    }
}
