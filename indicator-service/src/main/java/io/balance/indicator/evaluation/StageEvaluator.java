package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.r4;

import io.balance.contracts.Location;
import io.balance.indicator.calc.Cv;
import io.balance.indicator.calc.Leveling;
import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.SchoolRuleCheck;
import io.balance.indicator.calc.StagePart;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of a county's resources part: the school rule per school-stage, the student-weighted CV per
 * indicator (or the BASIC composite), gaps and class-size figures. Pure.
 */
final class StageEvaluator {
    private static final int TOP_CONTRIBUTORS = 5;

    /** What the stage adds to the resources part: failures, and inputs whose absence leaves it unmeasured. */
    record Outcome(Evaluation.Stage stage, List<String> failures, List<String> missing,
            Map<String, Boolean> schoolCompliance) {
    }

    private StageEvaluator() {
    }

    static Outcome evaluate(String stage, List<StagePart> parts, List<ApprovedReport> reports, RuleSet rules) {
        RuleSet.Resources res = rules.resources();
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<StagePart> included = parts.stream().filter(p -> !p.excluded()).toList();
        double[] students = new double[included.size()];
        for (int i = 0; i < included.size(); i++) {
            students[i] = included.get(i).students();
        }
        if (included.isEmpty() && !parts.isEmpty()) {
            // every school-stage is excluded: nothing is measured, which is not a pass (spec §4)
            missing.add("stages." + stage + ".includedSchools");
        }

        // per school-stage: values and the school rule
        List<Evaluation.SchoolStage> schools = new ArrayList<>();
        Map<String, Integer> below = new LinkedHashMap<>();
        Map<String, Boolean> schoolCompliance = new LinkedHashMap<>();
        Map<StagePart, Boolean> partCompliance = new LinkedHashMap<>();
        Map<String, Double> standards = standards(res, stage);
        int judged = 0;
        int compliant = 0;
        for (StagePart part : parts) {
            SchoolRuleCheck.Result rule = res.schoolRule() == null || standards.isEmpty() || !part.judged() ? null
                    : SchoolRuleCheck.of(part.values(), standards, res.schoolRule().minimumMet(), res.schoolRule().floorRatio());
            Map<String, Double> rounded = new LinkedHashMap<>();
            part.values().forEach((k, v) -> rounded.put(k, r4(v)));
            schools.add(new Evaluation.SchoolStage(part.school().schoolCode(), part.school().name(), part.school().type(),
                    part.students(), r4(part.share()), rounded, rule == null ? null : rule.meetsCount(),
                    rule == null ? null : rule.complies(), rule == null ? List.of() : rule.failing(),
                    rule == null ? List.of() : rule.belowFloor(), part.excluded(), part.exclusionReason()));
            if (rule == null) {
                continue;
            }
            judged++;
            partCompliance.put(part, rule.complies());
            schoolCompliance.merge(part.school().schoolCode(), rule.complies(), Boolean::logicalAnd);
            if (!part.excluded()) {
                rule.failing().forEach(id -> below.merge(id, 1, Integer::sum));
            }
            if (rule.complies()) {
                compliant++;
            } else {
                failures.add(part.school().schoolCode() + "/" + stage + " does not meet the school rule (below standard: "
                        + String.join(", ", rule.failing()) + (rule.belowFloor().isEmpty() ? ""
                                : "; below " + Math.round(res.schoolRule().floorRatio() * 100) + " %: "
                                        + String.join(", ", rule.belowFloor())) + ")");
            }
        }

        // per indicator: county value and CV; limits are compared unrounded
        double limit = res.cv().limits().getOrDefault(stage, 0.0);
        boolean strict = Boolean.TRUE.equals(res.cv().strict());
        Map<String, Evaluation.Indicator> indicators = new LinkedHashMap<>();
        double cvSum = 0;
        String undefined = null;
        for (RuleSet.Indicator ind : res.indicators()) {
            double[] resources = new double[included.size()];
            double[] values = new double[included.size()];
            for (int i = 0; i < included.size(); i++) {
                resources[i] = included.get(i).numerators().get(ind.id());
                values[i] = included.get(i).values().get(ind.id());
            }
            Cv.Result cv = Cv.of(students, resources, ind.perOrOne());
            Boolean pass = null;
            Evaluation.CvGap gap = null;
            if (cv.defined() && !res.cv().composite()) {
                pass = Leveling.within(cv.cv(), limit, strict);
                if (!pass) {
                    failures.add(stage + " " + ind.id() + " CV " + shown(cv.cv(), limit) + " exceeds " + limit);
                }
            }
            if (cv.defined() && !Leveling.within(cv.cv(), limit, strict)) {
                gap = gap(included, students, values, ind, limit, strict);
            }
            if (cv.defined()) {
                cvSum += cv.cv();
            } else if (undefined == null && !included.isEmpty()) {
                undefined = ind.id() + ": " + cv.reason();
            }
            Double standard = ind.standards() == null ? null : ind.standards().get(stage);
            indicators.put(ind.id(), new Evaluation.Indicator(ind.name(), ind.unit(), standard, r4(cv.mean()),
                    r4(cv.cv()), res.cv().composite() ? null : limit, pass, cv.reason(), below.getOrDefault(ind.id(), 0),
                    gap));
        }

        Evaluation.Composite composite = null;
        if (res.cv().composite()) {
            if (included.isEmpty()) {
                composite = new Evaluation.Composite(null, limit, strict, null, "no included school-stages");
            } else if (undefined != null) {
                composite = new Evaluation.Composite(null, limit, strict, false, "composite undefined: " + undefined);
                failures.add(stage + " composite CV undefined (" + undefined + ")");
            } else {
                double mean = cvSum / res.indicators().size();
                boolean pass = Leveling.within(mean, limit, strict);
                composite = new Evaluation.Composite(r4(mean), limit, strict, pass, null);
                if (!pass) {
                    failures.add(stage + " composite CV " + shown(mean, limit) + (strict ? " not below " : " exceeds ") + limit);
                }
            }
        }
        boolean hasRule = res.schoolRule() != null;
        Evaluation.Figures figures = figures(stage, reports, rules, judged, hasRule ? compliant : null);
        Evaluation.Stage result = new Evaluation.Stage(included.size(), parts.size() - included.size(), indicators,
                composite, figures, schools, byLocation(stage, parts, partCompliance, reports, rules, hasRule));
        return new Outcome(result, failures, missing, schoolCompliance);
    }

    /** The stage per location: each location with school-stages or classes. */
    private static Map<String, Evaluation.LocationFigures> byLocation(String stage, List<StagePart> parts,
            Map<StagePart, Boolean> partCompliance, List<ApprovedReport> reports, RuleSet rules, boolean hasRule) {
        Map<String, Evaluation.LocationFigures> out = new LinkedHashMap<>();
        for (Location l : Location.values()) {
            String location = l.name();
            List<StagePart> here = parts.stream().filter(p -> location.equals(p.school().location())).toList();
            List<ApprovedReport> reportsHere = reports.stream().filter(r -> location.equals(r.school().location())).toList();
            if (here.isEmpty()) {
                continue;
            }
            int judged = 0;
            int compliant = 0;
            for (StagePart p : here) {
                Boolean complies = partCompliance.get(p);
                if (complies != null) {
                    judged++;
                    compliant += complies ? 1 : 0;
                }
            }
            List<StagePart> included = here.stream().filter(p -> !p.excluded()).toList();
            double[] students = new double[included.size()];
            for (int i = 0; i < included.size(); i++) {
                students[i] = included.get(i).students();
            }
            Map<String, Double> cvs = new LinkedHashMap<>();
            for (RuleSet.Indicator ind : rules.resources().indicators()) {
                double[] resources = new double[included.size()];
                for (int i = 0; i < included.size(); i++) {
                    resources[i] = included.get(i).numerators().get(ind.id());
                }
                cvs.put(ind.id(), r4(Cv.of(students, resources, ind.perOrOne()).cv()));
            }
            out.put(location, new Evaluation.LocationFigures(included.size(),
                    figures(stage, reportsHere, rules, judged, hasRule ? compliant : null), cvs));
        }
        return out;
    }

    /** The CV rounded, and unrounded too where the rounded value equals the limit it fails. */
    static String shown(double cv, double limit) {
        Double rounded = r4(cv);
        return rounded == limit ? rounded + " (unrounded " + cv + ")" : String.valueOf(rounded);
    }

    static Map<String, Double> standards(RuleSet.Resources res, String stage) {
        Map<String, Double> standards = new LinkedHashMap<>();
        for (RuleSet.Indicator ind : res.indicators()) {
            if (ind.standards() != null && ind.standards().get(stage) != null) {
                standards.put(ind.id(), ind.standards().get(stage));
            }
        }
        return standards;
    }

    private static Evaluation.CvGap gap(List<StagePart> included, double[] students, double[] values,
            RuleSet.Indicator ind, double limit, boolean strict) {
        List<Evaluation.Contributor> contributors = new ArrayList<>();
        Cv.Result cv = Cv.ofValues(students, values);
        for (Leveling.Contribution c : Leveling.contributions(students, values, TOP_CONTRIBUTORS)) {
            StagePart p = included.get(c.index());
            contributors.add(new Evaluation.Contributor(p.school().schoolCode(), p.school().name(), p.students(),
                    r4(c.value()), r4(c.share()), c.value() < cv.mean() ? "BELOW_MEAN" : "ABOVE_MEAN"));
        }
        Leveling.Plan plan = Leveling.toLimit(students, values, ind.perOrOne(), limit, strict);
        Evaluation.Remedy remedy = null;
        if (plan != null) {
            List<Evaluation.SchoolNeed> needs = new ArrayList<>();
            double total = 0;
            for (Leveling.Need n : plan.needs()) {
                StagePart p = included.get(n.index());
                double amount = Numbers.ceilAmount(n.amount(), ind.unit());
                Double schoolWide = Boolean.TRUE.equals(ind.apportioned()) && p.share() > 0 && p.share() < 1
                        ? Numbers.ceilAmount(n.amount() / p.share(), ind.unit()) : null;
                needs.add(new Evaluation.SchoolNeed(p.school().schoolCode(), p.school().name(), amount, schoolWide));
                total += amount;
            }
            remedy = new Evaluation.Remedy("raise the " + needs.size() + " school-stages below " + r4(plan.raiseTo())
                    + " to it: CV becomes " + r4(plan.resultingCv()), r4(plan.raiseTo()), r4(plan.resultingCv()),
                    ind.unit(), Numbers.round(total, 2), needs);
        }
        return new Evaluation.CvGap(contributors, remedy);
    }

    private static Evaluation.Figures figures(String stage, List<ApprovedReport> reports, RuleSet rules,
            int judged, Integer compliant) {
        int large = rules.classSizes() == null || rules.classSizes().largeClassMin() == null ? 56
                : rules.classSizes().largeClassMin();
        int superLarge = rules.classSizes() == null || rules.classSizes().superLargeClassMin() == null ? 66
                : rules.classSizes().superLargeClassMin();
        int classes = 0;
        int largeCount = 0;
        int superCount = 0;
        for (ApprovedReport r : reports) {
            for (int size : ReportFields.classes(r.report(), stage)) {
                classes++;
                if (size >= large) {
                    largeCount++;
                }
                if (size >= superLarge) {
                    superCount++;
                }
            }
        }
        return new Evaluation.Figures(judged, compliant,
                compliant == null || judged == 0 ? null : r4((double) compliant / judged), classes, largeCount,
                superCount, classes == 0 ? null : r4((double) largeCount / classes),
                classes == 0 ? null : r4((double) superCount / classes));
    }
}
