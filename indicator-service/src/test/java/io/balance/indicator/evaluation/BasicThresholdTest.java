package io.balance.indicator.evaluation;

import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.school;
import static io.balance.indicator.evaluation.EvaluatorTest.completeFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.indicator.Fixtures.Report;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.CheckType;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BASIC_2012 v2: the threshold per school, the government work score from its four areas. */
class BasicThresholdTest {
    static final List<CountyInputs.ApprovedReport> SCHOOLS = List.of(
            Report.of().students("PRIMARY", 300).approved(school("4103290001", "410329", "PRIMARY")),
            Report.of().students("JUNIOR", 400).approved(school("4103290002", "410329", "JUNIOR")));

    static Evaluation.Check check(String id, Map<String, Double> schoolScores, Map<String, Double> figures) {
        RuleSet basic = ruleSet("BASIC_2012");
        Findings f = completeFindings(false);
        Map<String, Double> all = new LinkedHashMap<>(f.figures());
        all.putAll(figures);
        Findings with = new Findings(f.findings(), all, f.retention(), f.monitoring(), f.vetoes(), f.evidence(), schoolScores);
        RuleSet.Check c = basic.assurance().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return Checks.evaluate(c, SCHOOLS, SCHOOLS, with, basic);
    }

    @Test
    void version2IsDerivedFromVersion1AndValid() {
        RuleSet basic = io.balance.indicator.Fixtures.basicV2();
        assertEquals(2, basic.version());
        assertEquals(null, basic.basedOn());
        assertEquals(CheckType.SCHOOL_SCORES, basic.assurance().get(0).type());
        assertEquals(Map.of("minimumScore", 85), basic.assurance().get(0).params());
        assertEquals(List.of(), RuleSetValidator.validate(basic));
    }

    @Test
    void everySchoolMustScoreEightyFive() {
        assertEquals("PASS", check("BS0", Map.of("4103290001", 85.0, "4103290002", 92.5), Map.of()).status());
        Evaluation.Check below = check("BS0", Map.of("4103290001", 85.0, "4103290002", 84.99), Map.of());
        assertEquals("FAIL", below.status());
        assertEquals("4103290002", below.schools().get(0).schoolCode());
        Evaluation.Check unscored = check("BS0", Map.of("4103290001", 99.0), Map.of());
        assertEquals("INCOMPLETE", unscored.status());
        assertEquals(List.of("schoolScores.4103290002"), unscored.missing());
    }

    static Map<String, Double> areas(double guarantee, double enrolment, double teachers, double quality) {
        return Map.of("governmentWorkScoreGuarantee", guarantee, "governmentWorkScoreEnrolment", enrolment,
                "governmentWorkScoreTeachers", teachers, "governmentWorkScoreQuality", quality);
    }

    @Test
    void governmentWorkIsTheSumOfItsFourAreas() {
        assertEquals("PASS", check("BS1", Map.of(), areas(30, 20, 20, 15)).status());
        Evaluation.Check fail = check("BS1", Map.of(), areas(30, 20, 20, 14.99));
        assertEquals("FAIL", fail.status());
        assertTrue(fail.detail().contains("84.99"), fail.detail());
        Map<String, Double> three = new LinkedHashMap<>(areas(30, 20, 20, 15));
        three.remove("governmentWorkScoreQuality");
        Evaluation.Check missing = check("BS1", Map.of(), three);
        assertEquals("INCOMPLETE", missing.status());
        assertEquals(List.of("figures.governmentWorkScoreQuality"), missing.missing());
    }
}
