package io.balance.indicator.evaluation;

import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.evaluation.Evaluation.Check;
import io.balance.indicator.evaluation.Evaluation.SchoolIssue;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects one check's outcome. Failing schools fail the check; other school issues are informative. */
final class CheckBuilder {
    private final RuleSet.Check check;
    private final List<String> failures = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<SchoolIssue> schools = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private List<Evaluation.YearOutcome> years;

    CheckBuilder(RuleSet.Check check) {
        this.check = check;
    }

    void fail(String reason) {
        failures.add(reason);
    }

    void missing(String input) {
        if (!missing.contains(input)) {
            missing.add(input);
        }
    }

    boolean hasMissing() {
        return !missing.isEmpty();
    }

    void detail(String text) {
        details.add(text);
    }

    /** A year of a check comparing years; the check then lists its years. */
    void year(Evaluation.YearOutcome outcome) {
        if (years == null) {
            years = new ArrayList<>();
        }
        years.add(outcome);
    }

    void school(ApprovedReport r, String detail, Map<String, Double> needs) {
        issue(r, detail, needs);
        failures.add(r.school().schoolCode() + ": " + detail);
    }

    void issue(ApprovedReport r, String detail, Map<String, Double> needs) {
        schools.add(new SchoolIssue(r.school().schoolCode(), r.school().name(), detail, needs));
    }

    Check build() {
        String status = !failures.isEmpty() ? Evaluation.FAIL
                : !missing.isEmpty() ? Evaluation.INCOMPLETE : Evaluation.PASS;
        List<String> text = new ArrayList<>(details);
        text.addAll(failures.size() > 20 ? failures.subList(0, 20) : failures);
        if (failures.size() > 20) {
            text.add((failures.size() - 20) + " more");
        }
        return new Check(check.id(), check.name(), status, null, check.points(),
                text.isEmpty() ? null : String.join("; ", text), schools, missing, years);
    }
}
