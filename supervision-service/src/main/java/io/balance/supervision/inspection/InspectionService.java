package io.balance.supervision.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.problem.ProblemView;
import io.balance.supervision.problem.Source;
import io.balance.supervision.review.LedgerEntries;
import io.balance.supervision.review.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares an inspector's figures with the school's approved report: a relative difference beyond the
 * tolerance becomes an INSPECTION problem and puts the school on the list for the falsified-data veto decision.
 * The inspection, its differences and its problems are stored in one transaction.
 */
@ApplicationScoped
public class InspectionService {
    @Inject
    InspectionRepository repo;
    @Inject
    LedgerEntries ledger;
    @Inject
    ReviewConfig config;
    @Inject
    ObjectMapper json;

    @Transactional
    public InspectionView record(String county, int year, InspectionRequest in, String actor, String actorRole)
            throws SQLException {
        try (Connection c = repo.connection()) {
            InspectionRepository.Approved report = repo.approved(c, in.schoolCode(), year);
            if (report == null || !county.equals(report.countyCode())) {
                throw ProblemException.notFound("no approved " + year + " report of school " + in.schoolCode()
                        + " in county " + county);
            }
            JsonNode tree = read(report.report());
            List<FieldError> errors = new ArrayList<>();
            Map<String, BigDecimal> reported = new TreeMap<>();
            for (Map.Entry<String, BigDecimal> o : in.observed().entrySet()) {
                if (o.getValue().signum() < 0) {
                    errors.add(new FieldError("observed." + o.getKey(), "must not be negative"));
                    continue;
                }
                BigDecimal r = ReportFields.figure(tree, o.getKey(), errors);
                if (r != null) {
                    reported.put(o.getKey(), r);
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            BigDecimal tolerance = config.inspectionTolerance();
            Instant now = Instant.now();
            long id = repo.insert(c, county, year, in, tolerance, report.revision(), actor, now);
            List<InspectionView.Difference> differences = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> r : reported.entrySet()) {
                BigDecimal observed = in.observed().get(r.getKey());
                BigDecimal deviation = r.getValue().signum() == 0 ? null
                        : observed.subtract(r.getValue()).divide(r.getValue(), MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_UP);
                boolean beyond = deviation == null ? observed.signum() != 0 : deviation.abs().compareTo(tolerance) > 0;
                Long problemId = null;
                if (beyond) {
                    ProblemView p = ledger.add(c, new LedgerEntries.Entry(Source.INSPECTION,
                            year + "/INSPECTION/" + id + "/" + r.getKey(), county, year, in.schoolCode(),
                            ReportFields.stageOf(r.getKey()), r.getKey(), title(report, r.getKey(), r.getValue(), observed, deviation),
                            null), actor, actorRole, "实地督查 " + in.date() + "，督查人 " + in.inspector());
                    problemId = p.id();
                }
                InspectionView.Difference d = new InspectionView.Difference(r.getKey(), r.getValue(), observed, deviation,
                        beyond, problemId);
                repo.insertDifference(c, id, d);
                differences.add(d);
            }
            return new InspectionView(id, county, year, in.schoolCode(), report.schoolName(), in.inspector(), in.date(),
                    tolerance, report.revision(), actor, now, differences);
        }
    }

    public InspectionView.InspectionList list(String county, int year) throws SQLException {
        List<InspectionView> all = repo.list(county, year);
        Map<String, InspectionView.FalsificationCandidate> candidates = new LinkedHashMap<>();
        for (InspectionView i : all) {
            List<String> fields = i.differences().stream().filter(InspectionView.Difference::beyondTolerance)
                    .map(InspectionView.Difference::field).toList();
            if (!fields.isEmpty()) {
                InspectionView.FalsificationCandidate old = candidates.get(i.schoolCode());
                List<String> merged = new ArrayList<>(old == null ? List.of() : old.fields());
                fields.stream().filter(f -> !merged.contains(f)).forEach(merged::add);
                candidates.put(i.schoolCode(), new InspectionView.FalsificationCandidate(i.schoolCode(), i.schoolName(), merged));
            }
        }
        return new InspectionView.InspectionList(all, List.copyOf(candidates.values()));
    }

    private static String title(InspectionRepository.Approved report, String field, BigDecimal reported,
            BigDecimal observed, BigDecimal deviation) {
        String pct = deviation == null ? "报告为 0" : "偏差 " + deviation.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
        return "实地督查差异：" + (report.schoolName() == null ? "" : report.schoolName() + " ") + field + " 报告 "
                + reported.stripTrailingZeros().toPlainString() + "，实测 " + observed.stripTrailingZeros().toPlainString()
                + "（" + pct + "）";
    }

    private JsonNode read(String report) {
        try {
            return json.readTree(report);
        } catch (IOException e) {
            throw new IllegalStateException("stored report unreadable", e);
        }
    }
}
