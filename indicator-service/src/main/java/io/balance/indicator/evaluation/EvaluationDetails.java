package io.balance.indicator.evaluation;

import io.balance.contracts.EvaluationDetailsV1;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The item-by-item part of {@code indicator.evaluations.v1} (for the supervision ledger and target progress):
 * the evaluation's stages and checks, with each school-stage's gap to every standard it misses computed from
 * the inputs exactly as {@code GET /schools/{code}/indicators/{year}} does ({@link SchoolIndicators}).
 */
final class EvaluationDetails {
    private EvaluationDetails() {
    }

    static EvaluationDetailsV1 of(Evaluation e, CountyInputs in, RuleSet rules) {
        Map<String, Map<String, Double>> gaps = new HashMap<>();
        for (CountyInputs.ApprovedReport r : in.reports()) {
            for (SchoolIndicators.StageDetail stage : SchoolIndicators.of(r, in.year(), rules, null).stages()) {
                Map<String, Double> missing = new LinkedHashMap<>();
                stage.indicators().forEach((id, d) -> {
                    if (d.gap() != null) {
                        missing.put(id, d.gap().toStandard());
                    }
                });
                gaps.put(r.school().schoolCode() + "/" + stage.stage(), missing);
            }
        }
        List<EvaluationDetailsV1.Stage> stages = new ArrayList<>();
        e.stages().forEach((name, st) -> {
            List<EvaluationDetailsV1.Indicator> indicators = new ArrayList<>();
            st.indicators().forEach((id, ind) -> {
                Evaluation.Remedy remedy = ind.gap() == null ? null : ind.gap().remedy();
                indicators.add(new EvaluationDetailsV1.Indicator(id, ind.name(), ind.unit(), ind.standard(),
                        ind.countyValue(), ind.cv(), ind.cvLimit(), ind.pass(),
                        remedy == null ? null : remedy.description(), remedy == null ? null : remedy.total()));
            });
            List<EvaluationDetailsV1.SchoolStage> schools = new ArrayList<>();
            for (Evaluation.SchoolStage s : st.schools()) {
                schools.add(new EvaluationDetailsV1.SchoolStage(s.schoolCode(), s.schoolName(), s.schoolType(),
                        s.students(), s.excluded(), s.complies(),
                        gaps.getOrDefault(s.schoolCode() + "/" + name, Map.of())));
            }
            Evaluation.Composite composite = st.composite();
            stages.add(new EvaluationDetailsV1.Stage(name, st.figures().classes(), st.figures().largeClasses(),
                    st.figures().superLargeClasses(), composite == null ? null : composite.cv(),
                    composite == null ? null : composite.pass(), indicators, schools));
        });
        Evaluation.Compliance c = e.compliance();
        EvaluationDetailsV1.Compliance compliance = c == null ? null
                : new EvaluationDetailsV1.Compliance(c.schools(), c.compliantSchools(), c.schoolStages(), c.compliantSchoolStages());
        return new EvaluationDetailsV1(stages, compliance, checks(e), recognitionRate(e));
    }

    private static List<EvaluationDetailsV1.Check> checks(Evaluation e) {
        List<EvaluationDetailsV1.Check> checks = new ArrayList<>();
        e.parts().forEach((part, p) -> {
            for (Evaluation.Check c : p.checks()) {
                List<EvaluationDetailsV1.SchoolIssue> schools = new ArrayList<>();
                for (Evaluation.SchoolIssue s : c.schools()) {
                    schools.add(new EvaluationDetailsV1.SchoolIssue(s.schoolCode(), s.schoolName(), s.detail(), s.needs()));
                }
                checks.add(new EvaluationDetailsV1.Check(part, c.id(), c.name(), c.status(), c.detail(), schools));
            }
        });
        Evaluation.Part recognition = e.parts().get("recognition");
        if (recognition != null) {
            checks.add(new EvaluationDetailsV1.Check("recognition", "RECOGNITION", "社会认可度", recognition.status(),
                    String.join("; ", recognition.failing()), List.of()));
        }
        Evaluation.Part vetoes = e.parts().get("vetoes");
        if (vetoes != null) {
            // computed vetoes (vetoChecks) are among the part's checks above; these are the declared ones
            List<String> computed = vetoes.checks().stream().map(Evaluation.Check::id).toList();
            for (String code : vetoes.failing()) {
                if (!computed.contains(code)) {
                    checks.add(new EvaluationDetailsV1.Check("vetoes", code, code, Evaluation.FAIL, "veto applies", List.of()));
                }
            }
            for (String missing : vetoes.missing()) {
                if (missing.startsWith("vetoes.")) {
                    String code = missing.substring("vetoes.".length());
                    checks.add(new EvaluationDetailsV1.Check("vetoes", code, code, Evaluation.INCOMPLETE, "not declared",
                            List.of()));
                }
            }
        }
        return checks;
    }

    private static Double recognitionRate(Evaluation e) {
        Evaluation.Part recognition = e.parts().get("recognition");
        return recognition == null ? null : recognition.rate();
    }
}
