package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.atLeast;
import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks on the county's own inputs (findings and figures, Q1 retention, Q9 monitoring). */
final class CountyChecks {
    private CountyChecks() {
    }

    // INPUTS: findings that must be met, figures with minimums, figures compared with each other
    static void inputs(CheckBuilder b, Map<String, Object> p, Findings f) {
        for (String key : CheckParams.strings(p.get("findings"))) {
            Findings.Finding finding = f == null ? null : f.finding(key);
            if (finding == null || finding.met() == null) {
                b.missing("findings." + key);
            } else if (!finding.met()) {
                b.fail("findings." + key + " is not met");
            }
        }
        for (var e : CheckParams.numbers(p.get("minimums")).entrySet()) {
            Double value = f == null ? null : f.figure(e.getKey());
            if (value == null) {
                b.missing("figures." + e.getKey());
            } else if (!atLeast(value, e.getValue())) {
                b.fail(e.getKey() + " " + r4(value) + " is below " + e.getValue());
            }
        }
        for (Object o : CheckParams.list(p.get("comparisons"))) {
            Map<?, ?> c = (Map<?, ?>) o;
            String figure = (String) c.get("figure");
            String atLeastFigure = (String) c.get("atLeast");
            Double value = f == null ? null : f.figure(figure);
            Double other = f == null ? null : f.figure(atLeastFigure);
            if (value == null) {
                b.missing("figures." + figure);
            }
            if (other == null) {
                b.missing("figures." + atLeastFigure);
            }
            if (value != null && other != null && !atLeast(value, other)) {
                b.fail(figure + " " + value + " is below " + atLeastFigure + " " + other);
            }
        }
    }

    // Q1: 初中三年巩固率
    static void retention(CheckBuilder b, Map<String, Object> p, Findings f) {
        double minimum = CheckParams.number(p, "minimum", 0.95);
        if (f == null || f.retention() == null) {
            b.missing("retention");
            return;
        }
        double rate = f.retention().rate();
        b.detail("retention " + r4(rate));
        if (!atLeast(rate, minimum)) {
            b.fail("retention " + r4(rate) + " below " + minimum);
        }
    }

    // Q9: every monitored subject at level III or above and difference rate below 0.15
    static void monitoring(CheckBuilder b, Map<String, Object> p, Findings f) {
        double minLevel = CheckParams.number(p, "minimumLevel", 3);
        double below = CheckParams.number(p, "differenceRateBelow", 0.15);
        if (f == null || f.monitoring() == null || f.monitoring().isEmpty()) {
            b.missing("monitoring");
            return;
        }
        for (Findings.Monitoring m : f.monitoring()) {
            if (m.level() < minLevel) {
                b.fail(m.subject() + " at level " + m.level() + ", below " + (int) minLevel);
            }
            if (!(m.differenceRate() < below)) {
                b.fail(m.subject() + " difference rate " + m.differenceRate() + " not below " + below);
            }
        }
    }

    // BASIC_2012 threshold: a per-school score, every school (special education included) at least the minimum
    static void schoolScores(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> all, Findings f) {
        double minimum = CheckParams.number(p, "minimumScore", 85);
        if (all.isEmpty()) {
            b.missing("reports");
        }
        int below = 0;
        for (ApprovedReport r : all) {
            String code = r.school().schoolCode();
            Double score = f == null || f.schoolScores() == null ? null : f.schoolScores().get(code);
            if (score == null) {
                b.missing("schoolScores." + code);
            } else if (!atLeast(score, minimum)) {
                below++;
                b.school(r, "score " + score + " on the province's school standard, below " + minimum,
                        Map.of("points", Numbers.round(minimum - score, 2)));
            }
        }
        b.detail(all.size() + " schools, " + below + " below " + minimum);
    }

    // BASIC_2012 standard 1: 保障机制 + 入学机会 + 教师队伍 + 质量与管理 ≥ the minimum (85 of 100)
    static void governmentWorkScore(CheckBuilder b, Map<String, Object> p, Findings f) {
        double minimum = CheckParams.number(p, "minimumScore", 85);
        double total = 0;
        List<String> parts = new ArrayList<>();
        for (String area : List.of("governmentWorkScoreGuarantee", "governmentWorkScoreEnrolment",
                "governmentWorkScoreTeachers", "governmentWorkScoreQuality")) {
            Double v = f == null ? null : f.figure(area);
            if (v == null) {
                b.missing("figures." + area);
            } else {
                total += v;
                parts.add(area.substring("governmentWorkScore".length()) + " " + v);
            }
        }
        if (b.hasMissing()) {
            return;
        }
        b.detail("government work " + Numbers.round(total, 2) + " (" + String.join(", ", parts) + ")");
        if (total > 100 + 1e-9) {
            b.fail("the four areas sum to " + Numbers.round(total, 2) + ", more than 100");
        } else if (!atLeast(total, minimum)) {
            b.fail("government work score " + Numbers.round(total, 2) + " below " + minimum);
        }
    }
}
