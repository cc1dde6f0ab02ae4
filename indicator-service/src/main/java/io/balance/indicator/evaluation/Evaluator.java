package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Cv;
import io.balance.indicator.calc.Leveling;
import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.SchoolRuleCheck;
import io.balance.indicator.calc.StagePart;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.evaluation.Evaluation.Part;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A county's evaluation under a rule set: a pure function of its inputs. Stage parts → values → school rule →
 * student-weighted CVs (or the BASIC composite) → assurance and quality checks → recognition → vetoes → verdict.
 */
public final class Evaluator {
    private static final int TOP_CONTRIBUTORS = 5;

    private Evaluator() {
    }

    public static Evaluation evaluate(CountyInputs in, RuleSet rules) {
        List<ApprovedReport> reports = new ArrayList<>(in.reports());
        reports.sort(Comparator.comparing(r -> r.school().schoolCode()));
        List<StagePart> parts = new ArrayList<>();
        List<ApprovedReport> counted = new ArrayList<>();
        for (ApprovedReport r : reports) {
            parts.addAll(StagePart.of(r.school(), r.report(), rules));
            if (StagePart.exclusionReason(r.school(), r.report(), rules.exclusions()) == null) {
                counted.add(r);
            }
        }

        Map<String, Evaluation.Stage> stages = new LinkedHashMap<>();
        List<String> resourceFailures = new ArrayList<>();
        for (String stage : rules.stages()) {
            List<StagePart> stageParts = parts.stream().filter(p -> p.stage().equals(stage)).toList();
            stages.put(stage, stage(stage, stageParts, reports, rules, resourceFailures));
        }

        Map<String, Part> partResults = new LinkedHashMap<>();
        partResults.put("resources", resourcesPart(in, reports, resourceFailures));
        if (rules.assurance() != null && !rules.assurance().isEmpty()) {
            partResults.put("assurance", checksPart(rules.assurance(), counted, reports, in.findings(), rules));
        }
        if (rules.quality() != null && !rules.quality().isEmpty()) {
            partResults.put("quality", checksPart(rules.quality(), counted, reports, in.findings(), rules));
        }
        partResults.put("recognition", recognitionPart(in.survey(), rules.recognition()));
        partResults.put("vetoes", vetoesPart(in.findings(), rules.vetoes()));

        List<String> failingParts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean incomplete = false;
        for (var e : partResults.entrySet()) {
            if (Evaluation.FAIL.equals(e.getValue().status())) {
                failingParts.add(e.getKey());
            } else if (Evaluation.INCOMPLETE.equals(e.getValue().status())) {
                incomplete = true;
            }
            for (String m : e.getValue().missing()) {
                if (!missing.contains(m)) {
                    missing.add(m);
                }
            }
        }
        String verdict = !failingParts.isEmpty() ? Evaluation.FAIL : incomplete ? Evaluation.INCOMPLETE : Evaluation.PASS;
        return new Evaluation(in.countyCode(), in.countyName(), in.year(), rules.code(),
                rules.version() == null ? 1 : rules.version(), reports.size(), stages, partResults, verdict,
                failingParts, missing);
    }

    private static Evaluation.Stage stage(String stage, List<StagePart> parts, List<ApprovedReport> reports,
            RuleSet rules, List<String> failures) {
        RuleSet.Resources res = rules.resources();
        List<StagePart> included = parts.stream().filter(p -> !p.excluded()).toList();
        double[] students = new double[included.size()];
        for (int i = 0; i < included.size(); i++) {
            students[i] = included.get(i).students();
        }

        // per school-stage: values and the school rule
        List<Evaluation.SchoolStage> schools = new ArrayList<>();
        Map<String, Integer> below = new LinkedHashMap<>();
        int compliant = 0;
        for (StagePart part : parts) {
            Map<String, Double> standards = standards(res, stage);
            SchoolRuleCheck.Result rule = res.schoolRule() == null || standards.isEmpty() ? null
                    : SchoolRuleCheck.of(part.values(), standards, res.schoolRule().minimumMet(), res.schoolRule().floorRatio());
            Map<String, Double> rounded = new LinkedHashMap<>();
            part.values().forEach((k, v) -> rounded.put(k, r4(v)));
            schools.add(new Evaluation.SchoolStage(part.school().schoolCode(), part.school().name(), part.school().type(),
                    part.students(), r4(part.share()), rounded, rule == null ? null : rule.meetsCount(),
                    rule == null ? null : rule.complies(), rule == null ? List.of() : rule.failing(),
                    rule == null ? List.of() : rule.belowFloor(), part.excluded(), part.exclusionReason()));
            if (rule != null && !part.excluded()) {
                rule.failing().forEach(id -> below.merge(id, 1, Integer::sum));
                if (rule.complies()) {
                    compliant++;
                } else {
                    failures.add(part.school().schoolCode() + "/" + stage + " does not meet the school rule (below standard: "
                            + String.join(", ", rule.failing()) + (rule.belowFloor().isEmpty() ? ""
                                    : "; below " + Math.round(res.schoolRule().floorRatio() * 100) + " %: "
                                            + String.join(", ", rule.belowFloor())) + ")");
                }
            }
        }

        // per indicator: county value and CV
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
            double target = limit;
            if (cv.defined() && !res.cv().composite()) {
                pass = Leveling.within(cv.cv(), limit, strict);
                if (!pass) {
                    failures.add(stage + " " + ind.id() + " CV " + r4(cv.cv()) + " exceeds " + limit);
                }
            }
            if (cv.defined() && !Leveling.within(cv.cv(), target, strict)) {
                gap = gap(included, students, values, ind, target, strict);
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
                    failures.add(stage + " composite CV " + r4(mean) + (strict ? " not below " : " exceeds ") + limit);
                }
            }
        }
        boolean hasRule = res.schoolRule() != null;
        Evaluation.Figures figures = figures(stage, reports, rules, included.size(), hasRule ? compliant : null);
        return new Evaluation.Stage(included.size(), parts.size() - included.size(), indicators, composite, figures,
                schools);
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
            int included, Integer compliant) {
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
        return new Evaluation.Figures(included, compliant,
                compliant == null || included == 0 ? null : r4((double) compliant / included), classes, largeCount,
                superCount, classes == 0 ? null : r4((double) largeCount / classes),
                classes == 0 ? null : r4((double) superCount / classes));
    }

    private static Part resourcesPart(CountyInputs in, List<ApprovedReport> reports, List<String> failures) {
        List<String> missing = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        reports.forEach(r -> reported.add(r.school().schoolCode()));
        for (CountyInputs.RegisteredSchool s : in.registered()) {
            if (!reported.contains(s.schoolCode())) {
                missing.add("reports." + s.schoolCode());
            }
        }
        if (reports.isEmpty() && missing.isEmpty()) {
            missing.add("reports");
        }
        // CVs over part of the county are not decisive: missing reports make the part INCOMPLETE
        String status = !missing.isEmpty() ? Evaluation.INCOMPLETE
                : failures.isEmpty() ? Evaluation.PASS : Evaluation.FAIL;
        return new Part(status, pass(status), null, List.of(), failures, missing);
    }

    private static Part checksPart(List<RuleSet.Check> checks, List<ApprovedReport> counted, List<ApprovedReport> all,
            Findings findings, RuleSet rules) {
        List<Evaluation.Check> results = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RuleSet.Check check : checks) {
            Evaluation.Check result = Checks.evaluate(check, counted, all, findings, rules);
            results.add(result);
            if (Evaluation.FAIL.equals(result.status())) {
                failing.add(result.id());
            }
            result.missing().forEach(m -> {
                if (!missing.contains(m)) {
                    missing.add(m);
                }
            });
        }
        String status = !failing.isEmpty() ? Evaluation.FAIL : !missing.isEmpty() ? Evaluation.INCOMPLETE : Evaluation.PASS;
        return new Part(status, pass(status), null, results, failing, missing);
    }

    static Part recognitionPart(CountyInputs.SurveyInput survey, RuleSet.Recognition rule) {
        double minimum = rule == null || rule.minimumRate() == null ? 0.85 : rule.minimumRate();
        if (survey == null) {
            return new Part(Evaluation.INCOMPLETE, null, null, List.of(), List.of(), List.of("survey"));
        }
        if (survey.rate() == null) {
            return new Part(Evaluation.INCOMPLETE, null, null, List.of(), List.of(), List.of("survey.rate"));
        }
        List<String> missing = new ArrayList<>();
        if (rule != null && Boolean.TRUE.equals(rule.requireClosed()) && !survey.closed()) {
            missing.add("survey.closed");
        }
        if (rule != null && rule.minimumValidReturnRate() != null && survey.validReturnRate() != null
                && !Numbers.atLeast(survey.validReturnRate(), rule.minimumValidReturnRate())) {
            missing.add("survey.validReturnRate");
        }
        Double rate = r4(survey.rate());
        if (!missing.isEmpty()) {
            return new Part(Evaluation.INCOMPLETE, null, rate, List.of(), List.of(), missing);
        }
        boolean pass = Numbers.atLeast(survey.rate(), minimum);
        return new Part(pass ? Evaluation.PASS : Evaluation.FAIL, pass, rate, List.of(),
                pass ? List.of() : List.of("recognition rate " + rate + " below " + minimum), List.of());
    }

    static Part vetoesPart(Findings findings, List<String> vetoes) {
        List<String> failing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String code : vetoes == null ? List.<String>of() : vetoes) {
            Boolean applies = findings == null ? null : findings.veto(code);
            if (applies == null) {
                missing.add("vetoes." + code);
            } else if (applies) {
                failing.add(code);
            }
        }
        String status = !failing.isEmpty() ? Evaluation.FAIL : !missing.isEmpty() ? Evaluation.INCOMPLETE : Evaluation.PASS;
        return new Part(status, pass(status), null, List.of(), failing, missing);
    }

    private static Boolean pass(String status) {
        return Evaluation.INCOMPLETE.equals(status) ? null : Evaluation.PASS.equals(status);
    }
}
