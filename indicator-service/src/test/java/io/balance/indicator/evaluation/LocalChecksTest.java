package io.balance.indicator.evaluation;

import static io.balance.indicator.Fixtures.JSON;
import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.evaluation.EvaluatorTest.completeFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetDerivation;
import io.balance.indicator.ruleset.RuleSetValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local figures (seeds 001, 004) as checks a county or province variant switches on by a merge patch. */
class LocalChecksTest {
    static final String PATCH = """
            {"assurance": [
              {"id": "L2", "name": "残疾学生生均公用经费不低于6000元（含随班就读、送教上门）", "type": "DISABLED_PUPIL_FUNDING",
               "params": {"minimumPerPupilYuan": 6000}},
              {"id": "L3", "name": "优质高中指标到校名额向农村初中倾斜", "type": "INPUTS",
               "params": {"comparisons": [{"figure": "highSchoolQuotaRuralShare", "atLeast": "ruralJuniorGraduateShare"}]}},
              {"id": "L4", "name": "寄宿制学校按寄宿生每生每年200元增加公用经费", "type": "BOARDING_FUNDING",
               "params": {"perBoarderYuan": 200}}],
             "quality": [
              {"id": "L1", "name": "小学六年巩固率达到97%", "type": "INPUTS", "params": {"minimums": {"primaryRetentionRate": 0.97}}}]}
            """;

    static RuleSet variant() throws Exception {
        return JSON.treeToValue(RuleSetDerivation.derive(JSON.valueToTree(ruleSet("QUALITY_2017")), JSON.readTree(PATCH),
                "WUZHONG_QUALITY", 1, "吴忠市 (利通区所在市)", "QUALITY_2017", "640300"), RuleSet.class);
    }

    static String status(String id, Map<String, Double> figures) throws Exception {
        return status(id, figures, List.of());
    }

    static String status(String id, Map<String, Double> figures, List<CountyInputs.ApprovedReport> reports)
            throws Exception {
        RuleSet rules = variant();
        Findings f = completeFindings(false);
        Map<String, Double> all = new LinkedHashMap<>(f.figures());
        all.putAll(figures);
        Findings with = new Findings(f.findings(), all, f.retention(), f.monitoring(), f.vetoes(), f.evidence());
        RuleSet.Check check = java.util.stream.Stream.concat(rules.assurance().stream(), rules.quality().stream())
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return Checks.evaluate(check, reports, reports, with, rules).status();
    }

    @Test
    void theVariantIsValid() throws Exception {
        assertEquals(List.of(), RuleSetValidator.validate(variant()));
    }

    @Test
    void primaryRetentionAtItsBoundary() throws Exception {
        assertEquals("PASS", status("L1", Map.of("primaryRetentionRate", 0.97)));
        assertEquals("FAIL", status("L1", Map.of("primaryRetentionRate", 0.9699)));
        assertEquals("INCOMPLETE", status("L1", Map.of()));
    }

    @Test
    void sixThousandYuanPerPupilWithADisabilityCountingRegularClassesAndHomeTeaching() throws Exception {
        // 10 + 20 + 5 = 35 pupils: 210,000 yuan is 6,000 each
        Map<String, Double> pupils = Map.of("disabledPupilsSpecialSchools", 10.0, "disabledPupilsRegularClasses", 20.0,
                "disabledPupilsHomeTeaching", 5.0);
        Map<String, Double> enough = new LinkedHashMap<>(pupils);
        enough.put("disabledPupilFundsYuan", 210_000.0);
        assertEquals("PASS", status("L2", enough));
        Map<String, Double> short1 = new LinkedHashMap<>(pupils);
        short1.put("disabledPupilFundsYuan", 209_999.99);
        assertEquals("FAIL", status("L2", short1));
        // without home teaching counted the 35 would be 30 and 180,000 would wrongly pass
        Map<String, Double> noHome = new LinkedHashMap<>(short1);
        noHome.put("disabledPupilFundsYuan", 180_000.0);
        assertEquals("FAIL", status("L2", noHome));
        assertEquals("INCOMPLETE", status("L2", pupils));
    }

    @Test
    void quotaTiltsTowardsRuralJuniorSchools() throws Exception {
        assertEquals("PASS", status("L3", Map.of("highSchoolQuotaRuralShare", 0.6, "ruralJuniorGraduateShare", 0.6)));
        assertEquals("FAIL", status("L3", Map.of("highSchoolQuotaRuralShare", 0.59, "ruralJuniorGraduateShare", 0.6)));
    }

    static CountyInputs.ApprovedReport boarding(boolean boardingSchool, Integer boarders, double budget) {
        var report = io.balance.indicator.Fixtures.Report.of().students("PRIMARY", 300).funding(budget, 0);
        if (boarders != null) {
            report.boarders(boarders);
        }
        return report.approved(new io.balance.contracts.SchoolV1("6403020001", "寄宿小学", "640302", "PRIMARY", "RURAL",
                true, boardingSchool));
    }

    @Test
    void boardingSchoolsGetTwoHundredYuanPerBoarder() throws Exception {
        // 300 pupils × 720 (the county's primary standard) + 100 boarders × 200 = 236,000
        assertEquals("PASS", status("L4", Map.of(), List.of(boarding(true, 100, 236_000))));
        assertEquals("FAIL", status("L4", Map.of(), List.of(boarding(true, 100, 235_999.99))));
        assertEquals("INCOMPLETE", status("L4", Map.of(), List.of(boarding(true, null, 236_000))));
        // a school that does not board is not concerned
        assertEquals("PASS", status("L4", Map.of(), List.of(boarding(false, null, 1))));
    }
}
