package io.balance.supervision.target;

import io.balance.contracts.EvaluationDetailsV1;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Target progress for a year (pure): one row per target identity, judged against the target in force that
 * year (the plan's latest target of that identity at or before the year: "2 % from 2022 on"), with the
 * years before it as the trend.
 */
public final class Progress {
    private Progress() {
    }

    /** One year's evaluation as the ledger holds it. */
    public record YearEvaluation(String verdict, EvaluationDetailsV1 details) {
    }

    /** @param target null when no target is in force that year (a trend year before the plan's first) */
    public record Judged(int year, BigDecimal target, String targetVerdict, Actual actual, TargetStatus status) {
    }

    public record Row(Target target, Judged judged, List<Judged> trend) {
    }

    public static List<Row> of(List<Target> targets, Map<Integer, YearEvaluation> evaluations, int year) {
        Map<String, TreeMap<Integer, Target>> byIdentity = new LinkedHashMap<>();
        targets.stream().sorted(Comparator.comparing(Target::kind).thenComparing(Target::stage)
                .thenComparing(Target::indicator).thenComparingInt(Target::year))
                .forEach(t -> byIdentity.computeIfAbsent(t.identity(), k -> new TreeMap<>()).put(t.year(), t));
        List<Row> rows = new ArrayList<>();
        for (TreeMap<Integer, Target> series : byIdentity.values()) {
            var current = series.floorEntry(year);
            if (current == null) {
                continue;
            }
            TreeSet<Integer> trendYears = new TreeSet<>();
            evaluations.keySet().stream().filter(y -> y < year).forEach(trendYears::add);
            series.keySet().stream().filter(y -> y < year).forEach(trendYears::add);
            List<Judged> trend = new ArrayList<>();
            for (int y : trendYears) {
                var inForce = series.floorEntry(y);
                trend.add(judge(inForce == null ? current.getValue() : inForce.getValue(), inForce != null, y,
                        evaluations.get(y)));
            }
            rows.add(new Row(current.getValue(), judge(current.getValue(), true, year, evaluations.get(year)), trend));
        }
        return rows;
    }

    /** @param inForce false: the actual alone (no target yet that year), status NO_DATA-free judgement left out */
    static Judged judge(Target t, boolean inForce, int year, YearEvaluation evaluation) {
        Actual actual = evaluation == null ? Actual.NONE
                : Actuals.of(t.kind(), t.stage(), t.indicator(), evaluation.verdict(), evaluation.details());
        if (!inForce) {
            return new Judged(year, null, null, actual, null);
        }
        TargetStatus status;
        if (!actual.known()) {
            status = TargetStatus.NO_DATA;
        } else if (t.kind().verdict()) {
            status = t.verdict().equals(actual.verdict()) ? TargetStatus.MET : TargetStatus.NOT_MET;
        } else {
            status = actual.meets(t.comparison(), t.value()) ? TargetStatus.MET : TargetStatus.NOT_MET;
        }
        return new Judged(year, t.value(), t.verdict(), actual, status);
    }
}
