package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Numbers;
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
        List<String> unmeasured = new ArrayList<>();
        Map<String, Boolean> schoolCompliance = new LinkedHashMap<>();
        int judged = 0;
        int compliantStages = 0;
        for (String stage : rules.stages()) {
            List<StagePart> stageParts = parts.stream().filter(p -> p.stage().equals(stage)).toList();
            StageEvaluator.Outcome o = StageEvaluator.evaluate(stage, stageParts, reports, rules);
            stages.put(stage, o.stage());
            resourceFailures.addAll(o.failures());
            unmeasured.addAll(o.missing());
            o.schoolCompliance().forEach((school, ok) -> schoolCompliance.merge(school, ok, Boolean::logicalAnd));
            judged += o.stage().figures().schoolStages();
            compliantStages += o.stage().figures().compliant() == null ? 0 : o.stage().figures().compliant();
        }
        Evaluation.Compliance compliance = null;
        if (rules.resources().schoolRule() != null) {
            int compliantSchools = (int) schoolCompliance.values().stream().filter(Boolean::booleanValue).count();
            compliance = new Evaluation.Compliance(schoolCompliance.size(), compliantSchools,
                    share(compliantSchools, schoolCompliance.size()), judged, compliantStages, share(compliantStages, judged));
        }

        Map<String, Part> partResults = new LinkedHashMap<>();
        partResults.put("resources", resourcesPart(in, reports, resourceFailures, unmeasured));
        if (rules.assurance() != null && !rules.assurance().isEmpty()) {
            partResults.put("assurance", checksPart("assurance", rules.assurance(), counted, reports, in, rules));
        }
        if (rules.quality() != null && !rules.quality().isEmpty()) {
            partResults.put("quality", checksPart("quality", rules.quality(), counted, reports, in, rules));
        }
        partResults.put("recognition", recognitionPart(in.survey(), rules.recognition()));
        partResults.put("vetoes", vetoesPart(in.findings(), rules.vetoes(), checks(rules.vetoChecks(), counted, reports, in, rules)));

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
                rules.version() == null ? 1 : rules.version(), null, reports.size(), stages, compliance, partResults,
                verdict, failingParts, missing);
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : r4((double) part / whole);
    }

    private static Part resourcesPart(CountyInputs in, List<ApprovedReport> reports, List<String> failures,
            List<String> unmeasured) {
        List<String> missing = new ArrayList<>(unmeasured);
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
        return new Part(status, pass(status), null, null, List.of(), failures, missing);
    }

    private static Part checksPart(String name, List<RuleSet.Check> checks, List<ApprovedReport> counted,
            List<ApprovedReport> all, CountyInputs in, RuleSet rules) {
        List<Evaluation.Check> results = checks(checks, counted, all, in, rules);
        RuleSet.Scoring scoring = rules.scoring() == null ? null : rules.scoring().get(name);
        return scoring == null ? PartScoring.allMustPass(results) : PartScoring.scored(results, scoring);
    }

    private static List<Evaluation.Check> checks(List<RuleSet.Check> checks, List<ApprovedReport> counted,
            List<ApprovedReport> all, CountyInputs in, RuleSet rules) {
        List<Evaluation.Check> results = new ArrayList<>();
        for (RuleSet.Check check : checks == null ? List.<RuleSet.Check>of() : checks) {
            results.add(Checks.evaluate(check, counted, all, in.findings(), rules, in.year(),
                    in.funding() == null ? Map.of() : in.funding()));
        }
        return results;
    }

    static Part recognitionPart(CountyInputs.SurveyInput survey, RuleSet.Recognition rule) {
        double minimum = rule == null || rule.minimumRate() == null ? 0.85 : rule.minimumRate();
        if (survey == null) {
            return new Part(Evaluation.INCOMPLETE, null, null, null, List.of(), List.of(), List.of("survey"));
        }
        if (survey.rate() == null) {
            return new Part(Evaluation.INCOMPLETE, null, null, null, List.of(), List.of(), List.of("survey.rate"));
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
            return new Part(Evaluation.INCOMPLETE, null, rate, null, List.of(), List.of(), missing);
        }
        boolean pass = Numbers.atLeast(survey.rate(), minimum);
        return new Part(pass ? Evaluation.PASS : Evaluation.FAIL, pass, rate, null, List.of(),
                pass ? List.of() : List.of("recognition rate " + rate + " below " + minimum), List.of());
    }

    /** Declared vetoes and computed ones (a veto check that FAILs applies; its id is the veto's code). */
    static Part vetoesPart(Findings findings, List<String> vetoes, List<Evaluation.Check> computed) {
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
        for (Evaluation.Check c : computed) {
            if (Evaluation.FAIL.equals(c.status())) {
                failing.add(c.id());
            } else if (Evaluation.INCOMPLETE.equals(c.status())) {
                c.missing().stream().filter(m -> !missing.contains(m)).forEach(missing::add);
            }
        }
        String status = !failing.isEmpty() ? Evaluation.FAIL : !missing.isEmpty() ? Evaluation.INCOMPLETE : Evaluation.PASS;
        return new Part(status, pass(status), null, null, computed, failing, missing);
    }

    static Boolean pass(String status) {
        return Evaluation.INCOMPLETE.equals(status) ? null : Evaluation.PASS.equals(status);
    }
}
