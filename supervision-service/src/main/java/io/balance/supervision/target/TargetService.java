package io.balance.supervision.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.intake.EvaluationStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stores a county's plan (rule set + targets, checked as a whole) and computes its progress. */
@ApplicationScoped
public class TargetService {
    @Inject
    TargetRepository repository;
    @Inject
    EvaluationStates evaluations;

    @Transactional
    public TargetPlan replace(String county, TargetPlan plan, String by) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.targets().size(); i++) {
            TargetPlan.Entry e = plan.targets().get(i);
            String at = "targets[" + i + "].";
            TargetKind kind = e.kind();
            int before = errors.size();
            presence(errors, at + "stage", e.stage(), kind.needsStage(), kind);
            presence(errors, at + "indicator", e.indicator(), kind.needsIndicator(), kind);
            BigDecimal number = null;
            String verdict = null;
            JsonNode v = e.value();
            if (kind.verdict()) {
                if (!v.isTextual() || !"PASS".equals(v.asText())) {
                    errors.add(new FieldError(at + "value", "a VERDICT target wants \"PASS\""));
                }
                if (e.comparison() != Comparison.AT_LEAST) {
                    errors.add(new FieldError(at + "comparison", "a VERDICT target is AT_LEAST PASS"));
                }
                verdict = v.asText();
            } else if (!v.isNumber()) {
                errors.add(new FieldError(at + "value", "must be a number"));
            } else {
                number = v.decimalValue();
                boolean share = kind == TargetKind.COMPLIANT_SCHOOL_SHARE || kind == TargetKind.LARGE_CLASS_SHARE
                        || kind == TargetKind.RECOGNITION_RATE;
                if (number.signum() < 0 || share && number.compareTo(BigDecimal.ONE) > 0) {
                    errors.add(new FieldError(at + "value", share ? "a share is a fraction from 0 to 1 (0.95 = 95 %)"
                            : "must not be negative"));
                }
            }
            String stage = e.stage() == null ? "" : e.stage();
            String indicator = e.indicator() == null ? "" : e.indicator();
            if (!seen.add(kind + "/" + stage + "/" + indicator + "/" + e.year())) {
                errors.add(new FieldError(at + "year", "a second " + kind + " target for " + e.year()));
            }
            if (errors.size() == before) {
                targets.add(new Target(e.year(), kind, stage, indicator, e.comparison(), number, verdict));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        repository.replace(county, plan.ruleSet(), targets, by);
        return plan(county);
    }

    private static void presence(List<FieldError> errors, String field, String value, boolean needed, TargetKind kind) {
        if (needed && value == null) {
            errors.add(new FieldError(field, "is required for " + kind));
        } else if (!needed && value != null) {
            errors.add(new FieldError(field, "does not apply to " + kind));
        }
    }

    public TargetPlan plan(String county) throws SQLException {
        String ruleSet = repository.ruleSet(county);
        if (ruleSet == null) {
            return null;
        }
        List<TargetPlan.Entry> entries = new ArrayList<>();
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        for (Target t : repository.targets(county)) {
            entries.add(new TargetPlan.Entry(t.year(), t.kind(), t.stage().isEmpty() ? null : t.stage(),
                    t.indicator().isEmpty() ? null : t.indicator(), t.comparison(),
                    t.verdict() != null ? nodes.textNode(t.verdict()) : nodes.numberNode(t.value())));
        }
        return new TargetPlan(ruleSet, entries);
    }

    public ProgressView progress(String county, int year) throws SQLException {
        String ruleSet = evaluations.ledgerRuleSet(county);
        List<Progress.Row> rows = Progress.of(repository.targets(county), evaluations.years(county, ruleSet), year);
        return ProgressView.of(county, year, ruleSet, rows);
    }
}
