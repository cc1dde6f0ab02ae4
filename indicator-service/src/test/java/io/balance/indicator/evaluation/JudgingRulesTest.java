package io.balance.indicator.evaluation;

import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.school;
import static io.balance.indicator.evaluation.EvaluatorTest.COUNTY;
import static io.balance.indicator.evaluation.EvaluatorTest.completeFindings;
import static io.balance.indicator.evaluation.EvaluatorTest.goodCounty;
import static io.balance.indicator.evaluation.EvaluatorTest.goodPrimary;
import static io.balance.indicator.evaluation.EvaluatorTest.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.Fixtures.Report;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17's fixes, each with hand-computed cases on both sides of its boundary. */
class JudgingRulesTest {

    static Evaluation evaluate(List<CountyInputs.ApprovedReport> reports, String ruleSet) {
        return Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, reports, List.of(), completeFindings(false),
                survey(0.91), 1), ruleSet(ruleSet));
    }

    /** Two primary schools of 100 students with R6 equipment of x1 and x2 yuan per student: CV = |x1 − x2| / (x1 + x2). */
    static List<CountyInputs.ApprovedReport> equipment(double x1, double x2) {
        return List.of(
                goodPrimary(100, 1.0).facilities(450, 750, x1 * 100, 3, 10, 3000).approved(school("9999030001", COUNTY, "PRIMARY")),
                goodPrimary(100, 1.0).facilities(450, 750, x2 * 100, 3, 10, 3000).approved(school("9999030002", COUNTY, "PRIMARY")));
    }

    @Test
    void cvLimitIsComparedUnroundedAndShownRounded() {
        // (1500.04 − 499.96) / 2000 = 0.50004: shown 0.5, but not ≤ 0.50
        Evaluation.Indicator above = evaluate(equipment(1500.04, 499.96), "QUALITY_2017").stages().get("PRIMARY")
                .indicators().get("R6");
        assertEquals(0.5, above.cv());
        assertFalse(above.pass());
        // (1499.96 − 500.04) / 2000 = 0.49996: shown 0.5, and ≤ 0.50
        Evaluation.Indicator below = evaluate(equipment(1499.96, 500.04), "QUALITY_2017").stages().get("PRIMARY")
                .indicators().get("R6");
        assertEquals(0.5, below.cv());
        assertTrue(below.pass());
    }

    /** Two primary schools of 100,000 students, every BASIC numerator a and b: each of the 8 CVs is (a − b) / (a + b). */
    static List<CountyInputs.ApprovedReport> basic(int a, int b) {
        return List.of(
                Report.of().students("PRIMARY", 100_000).teachers("PRIMARY", a, a, 0, 0, 0, a).facilities(a, a, a, 0, a, a)
                        .approved(school("9999030001", COUNTY, "PRIMARY")),
                Report.of().students("PRIMARY", 100_000).teachers("PRIMARY", b, b, 0, 0, 0, b).facilities(b, b, b, 0, b, b)
                        .approved(school("9999030002", COUNTY, "PRIMARY")));
    }

    @Test
    void basicCompositeIsStrictlyBelowTheUnroundedLimit() {
        // 129,992 / 200,000 = 0.64996 < 0.65 passes although it shows as 0.65
        Evaluation.Composite pass = evaluate(basic(164_996, 35_004), "BASIC_2012").stages().get("PRIMARY").composite();
        assertEquals(0.65, pass.cv());
        assertTrue(pass.pass());
        // 130,008 / 200,000 = 0.65004 is not below 0.65
        Evaluation.Composite fail = evaluate(basic(165_004, 34_996), "BASIC_2012").stages().get("PRIMARY").composite();
        assertEquals(0.65, fail.cv());
        assertFalse(fail.pass());
    }

    @Test
    void aStageWhoseSchoolsAreAllExcludedIsIncompleteNotPassed() {
        // the only school with primary pupils is a special-education school: nothing is measured in PRIMARY
        List<CountyInputs.ApprovedReport> onlyExcluded = List.of(goodPrimary(120, 1.0)
                .approved(school("9999030009", COUNTY, "SPECIAL_EDUCATION")));
        Evaluation e = evaluate(onlyExcluded, "QUALITY_2017");
        assertEquals(0, e.stages().get("PRIMARY").includedSchools());
        assertEquals("INCOMPLETE", e.parts().get("resources").status());
        assertTrue(e.missingInputs().contains("stages.PRIMARY.includedSchools"), e.missingInputs().toString());

        // one included primary school beside it: the stage is measured and passes
        List<CountyInputs.ApprovedReport> measured = new ArrayList<>(onlyExcluded);
        measured.add(goodPrimary(1000, 1.0).approved(school("9999030001", COUNTY, "PRIMARY")));
        Evaluation m = evaluate(measured, "QUALITY_2017");
        assertEquals("PASS", m.parts().get("resources").status(), m.parts().get("resources").failing().toString());
        // a stage with no school at all (no junior school here) is not applicable and misses nothing
        assertFalse(m.missingInputs().contains("stages.JUNIOR.includedSchools"));
    }

    @Test
    void smallTeachingPointsLeaveTheCvsButAreJudgedByTheSchoolRule() {
        // 49 pupils: out of the CVs, judged and counted; 50 pupils: in both
        for (int pupils : new int[] {49, 50}) {
            List<CountyInputs.ApprovedReport> reports = new ArrayList<>(goodCounty());
            reports.add(goodPrimary(pupils, 1.0).approved(school("9999030008", COUNTY, "TEACHING_POINT")));
            reports.add(goodPrimary(80, 1.0).approved(school("9999030009", COUNTY, "SPECIAL_EDUCATION")));
            Evaluation e = evaluate(reports, "QUALITY_2017");
            Evaluation.Stage primary = e.stages().get("PRIMARY");
            assertEquals(pupils < 50 ? 3 : 4, primary.includedSchools());
            assertEquals(pupils < 50 ? 2 : 1, primary.excludedSchools());
            // judged: 3 primary schools and the teaching point; the special-education school is judged by neither
            assertEquals(4, primary.figures().schoolStages());
            assertEquals(4, primary.figures().compliant());
            var tp = primary.schools().stream().filter(s -> s.schoolCode().equals("9999030008")).findFirst().orElseThrow();
            assertEquals(pupils < 50, tp.excluded());
            assertTrue(tp.complies());
            var special = primary.schools().stream().filter(s -> s.schoolCode().equals("9999030009")).findFirst().orElseThrow();
            assertTrue(special.excluded());
            assertNull(special.complies());
            assertEquals(new Evaluation.Compliance(4, 4, 1.0, 4, 4, 1.0), e.compliance());
        }

        // a small teaching point failing the school rule fails the resources part although it is out of the CVs
        List<CountyInputs.ApprovedReport> reports = new ArrayList<>(goodCounty());
        reports.add(Report.of().students("PRIMARY", 40).facilities(100, 0, 0, 0, 0, 0)
                .approved(school("9999030008", COUNTY, "TEACHING_POINT")));
        Evaluation e = evaluate(reports, "QUALITY_2017");
        assertEquals("FAIL", e.parts().get("resources").status());
        assertEquals(new Evaluation.Compliance(4, 3, 0.75, 4, 3, 0.75), e.compliance());
    }

    @Test
    void compliantShareOfSchoolsAndOfSchoolStagesEachWithItsDenominator() {
        // a nine-year school (1000 primary, 200 junior): its primary part complies, its junior part has no
        // teachers (R1–R3 at 0: below 85 %) and does not; beside it one complying primary school.
        // school-stages 2 of 3 = 0.6667; schools 1 of 2 = 0.5
        List<CountyInputs.ApprovedReport> reports = List.of(
                goodPrimary(1000, 1.0).approved(school("9999030001", COUNTY, "PRIMARY")),
                Report.of().students("PRIMARY", 1000).students("JUNIOR", 200)
                        .teachers("PRIMARY", 60, 42, 10, 5, 9, 30).facilities(9000, 15000, 4_000_000, 46, 200, 60_000)
                        .approved(school("9999030002", COUNTY, "NINE_YEAR")));
        Evaluation e = evaluate(reports, "QUALITY_2017");
        assertTrue(e.stages().get("PRIMARY").schools().get(1).complies());
        assertFalse(e.stages().get("JUNIOR").schools().get(0).complies());
        assertEquals(new Evaluation.Compliance(2, 1, 0.5, 3, 2, 0.6667), e.compliance());
        assertEquals(1.0, e.stages().get("PRIMARY").figures().compliantShare());
        assertEquals(0.0, e.stages().get("JUNIOR").figures().compliantShare());
        // BASIC has no school rule: no compliance figures
        assertNull(evaluate(reports, "BASIC_2012").compliance());
    }

    @Test
    void urbanTownAndRuralBreakdownsOfComplianceClassSizesAndCvs() {
        // urban: the three good primary schools (36 classes of 40); rural: one of 500 pupils whose classes are
        // 58 and 40 (one large class of two); no town school
        List<CountyInputs.ApprovedReport> reports = new ArrayList<>(goodCounty());
        reports.add(goodPrimary(500, 1.0).classes("PRIMARY", 58, 40)
                .approved(new SchoolV1("9999030007", "村小", COUNTY, "PRIMARY", "RURAL", true, false)));
        Evaluation.Stage primary = evaluate(reports, "QUALITY_2017").stages().get("PRIMARY");
        assertEquals(List.of("URBAN", "RURAL"), List.copyOf(primary.byLocation().keySet()));
        Evaluation.LocationFigures urban = primary.byLocation().get("URBAN");
        Evaluation.LocationFigures rural = primary.byLocation().get("RURAL");
        assertEquals(3, urban.includedSchools());
        assertEquals(36, urban.figures().classes());
        assertEquals(0, urban.figures().largeClasses());
        assertEquals(2, rural.figures().classes());
        assertEquals(1, rural.figures().largeClasses());
        assertEquals(0.5, rural.figures().largeClassShare());
        assertEquals(1.0, rural.figures().compliantShare());
        // R4: urban 4.5, 5.4, 4.95 m² for 1000, 800, 600 pupils: X̄ 4.9125, S 0.3879, CV 0.0790;
        // one rural school has no spread: CV 0; the whole county (with the rural 4.5 for 500): 0.0797
        assertEquals(0.079, urban.cv().get("R4"));
        assertEquals(0.0, rural.cv().get("R4"));
        assertEquals(0.0797, primary.indicators().get("R4").cv());
    }

    static Evaluation.Check check(String id, List<CountyInputs.ApprovedReport> reports) {
        RuleSet rules = ruleSet("QUALITY_2017");
        RuleSet.Check c = new ArrayList<RuleSet.Check>() {
            {
                addAll(rules.assurance());
                addAll(rules.quality());
            }
        }.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return Checks.evaluate(c, reports, reports, completeFindings(false), rules);
    }

    static CountyInputs.ApprovedReport small(String code, String type, String location, String stage, int pupils,
            double budget) {
        return Report.of().students(stage, pupils).funding(budget, 0)
                .approved(new SchoolV1(code, "学校" + code, COUNTY, type, location, true, false));
    }

    @Test
    void smallSchoolFundingCoversVillagePrimarySchoolsAndTeachingPointsOnly() {
        // primary standard 720 yuan: 99 pupils funded as 100 need 72,000
        assertEquals("FAIL", check("G6", List.of(small("9999030001", "PRIMARY", "RURAL", "PRIMARY", 99, 71_999.99))).status());
        assertEquals("PASS", check("G6", List.of(small("9999030001", "PRIMARY", "RURAL", "PRIMARY", 99, 72_000))).status());
        assertEquals("FAIL", check("G6", List.of(small("9999030001", "TEACHING_POINT", "TOWN", "PRIMARY", 40, 28_800))).status());
        // 100 pupils are not a small school
        assertEquals("PASS", check("G6", List.of(small("9999030001", "PRIMARY", "RURAL", "PRIMARY", 100, 0.01))).status());
        // a rural junior school and a rural nine-year school are not 村小学和教学点
        assertEquals("PASS", check("G6", List.of(small("9999030001", "JUNIOR", "RURAL", "JUNIOR", 60, 1))).status());
        assertEquals("PASS", check("G6", List.of(small("9999030001", "NINE_YEAR", "RURAL", "PRIMARY", 60, 1))).status());
        // an urban primary school is not a village school
        assertEquals("PASS", check("G6", List.of(small("9999030001", "PRIMARY", "URBAN", "PRIMARY", 60, 1))).status());
    }

    static CountyInputs.ApprovedReport rotation(int eligible, int rotated, int backbone) {
        return Report.of().students("PRIMARY", 500).teachers("PRIMARY",
                new AnnualReportV1.Teachers(30, 30, 5, 5, 5, 10, 30, 30, eligible, rotated, backbone))
                .approved(school("9999030001", COUNTY, "PRIMARY"));
    }

    @Test
    void rotationNeverPassesWithNoEligibleTeacher() {
        Evaluation.Check none = check("G11", List.of(rotation(0, 0, 0)));
        assertEquals("INCOMPLETE", none.status());
        assertEquals(List.of("reports.teachers.rotationEligible"), none.missing());
        assertTrue(none.detail().contains("no teacher reported eligible"));
        // 1 of 10 = 0.10 passes, 1 of 11 does not; backbone 1 of 1 ≥ 0.20
        assertEquals("PASS", check("G11", List.of(rotation(10, 1, 1))).status());
        assertEquals("FAIL", check("G11", List.of(rotation(11, 1, 1))).status());
        // backbone 1 of 5 = 0.20 passes, 1 of 6 does not
        assertEquals("PASS", check("G11", List.of(rotation(50, 5, 1))).status());
        assertEquals("FAIL", check("G11", List.of(rotation(60, 6, 1))).status());
    }

    static CountyInputs.ApprovedReport training(double budget, double training) {
        return Report.of().students("PRIMARY", 500).funding(budget, training).approved(school("9999030001", COUNTY, "PRIMARY"));
    }

    @Test
    void trainingFundsNeverPassAZeroBudget() {
        Evaluation.Check zero = check("Q4", List.of(training(0, 0)));
        assertEquals("INCOMPLETE", zero.status());
        assertEquals(List.of("reports.9999030001.funding.publicFundsBudgetYuan"), zero.missing());
        assertEquals("INCOMPLETE", check("Q4", List.of()).status());
        // 5 % of 1,000,000 = 50,000
        assertEquals("PASS", check("Q4", List.of(training(1_000_000, 50_000))).status());
        assertEquals("FAIL", check("Q4", List.of(training(1_000_000, 49_999.99))).status());
    }
}
