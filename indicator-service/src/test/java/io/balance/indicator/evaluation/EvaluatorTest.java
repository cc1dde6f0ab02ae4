package io.balance.indicator.evaluation;

import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.school;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.AnnualReportV1;
import io.balance.indicator.Fixtures.Report;
import io.balance.indicator.finding.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    static final String COUNTY = "999903";

    /** A primary school of 1000 students that meets every QUALITY_2017 primary standard × factor. */
    static Report goodPrimary(int students, double factor) {
        double k = students / 1000.0 * factor;
        return Report.of().students("PRIMARY", students).classes("PRIMARY", 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40)
                .teachers("PRIMARY", new AnnualReportV1.Teachers((int) Math.ceil(60 * k), (int) Math.ceil(42 * k),
                        (int) Math.ceil(10 * k), (int) Math.ceil(5 * k), (int) Math.ceil(9 * k), (int) Math.ceil(30 * k),
                        (int) Math.ceil(60 * k), (int) Math.ceil(60 * k), 10, 2, 1))
                .facilities(4500 * k, 7500 * k, 2_000_000 * k, (int) Math.ceil(23 * k), (int) (100 * k), (int) (30_000 * k))
                .rooms(List.of(96.0), List.of(90.0)).funding(1_000_000, 60_000);
    }

    static Findings completeFindings(boolean vetoApplies) {
        Map<String, Findings.Finding> f = new LinkedHashMap<>();
        for (String key : List.of("G1", "G2.construction", "G2.staffing", "G2.funding", "G2.equipment", "G10", "G15.care",
                "Q3", "Q5", "Q6", "Q7", "Q8", "BASIC.threshold")) {
            f.put(key, new Findings.Finding(true, List.of("ev-1"), null));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("teacherAveragePayYuan", 98_000.0);
        figures.put("civilServantAveragePayYuan", 95_000.0);
        figures.put("zonedEnrolmentPrimaryRate", 1.0);
        figures.put("zonedEnrolmentJuniorRate", 0.96);
        figures.put("highSchoolQuotaShare", 0.55);
        figures.put("migrantChildrenPublicShare", 0.9);
        figures.put("disabledEnrolmentRate", 0.97);
        figures.put("publicFundsStandardPrimaryYuan", 720.0);
        figures.put("publicFundsStandardJuniorYuan", 920.0);
        figures.put("governmentWorkScore", 90.0);
        Map<String, Boolean> vetoes = new LinkedHashMap<>();
        for (String v : List.of("EXAM_ADMISSION", "ILLEGAL_SCHOOL_CHOICE", "KEY_SCHOOLS_OR_CLASSES", "UNFILLED_POSTS",
                "MAJOR_SAFETY_ACCIDENT", "SERIOUS_VIOLATION", "FALSIFIED_DATA", "WEAK_SCHOOL_RENOVATION_INCOMPLETE",
                "DISABLED_ENROLMENT_BELOW_STANDARD", "THREE_GROWTHS_MISSED")) {
            vetoes.put(v, false);
        }
        vetoes.put("ILLEGAL_SCHOOL_CHOICE", vetoApplies);
        return new Findings(f, figures, new Findings.Retention(1000, 2, 960, 10, 20),
                List.of(new Findings.Monitoring("MATH", 3, 0.12), new Findings.Monitoring("CHINESE", 4, 0.10)), vetoes,
                List.of(new Findings.Evidence("ev-1", "规划文件", "https://example.org/ev-1")));
    }

    static CountyInputs.SurveyInput survey(double rate) {
        return new CountyInputs.SurveyInput("s-1", rate, 700, 5, 0.9, true, 3);
    }

    static List<CountyInputs.ApprovedReport> goodCounty() {
        List<CountyInputs.ApprovedReport> list = new ArrayList<>();
        list.add(goodPrimary(1000, 1.0).approved(school("9999030001", COUNTY, "PRIMARY")));
        list.add(goodPrimary(800, 1.2).approved(school("9999030002", COUNTY, "PRIMARY")));
        list.add(goodPrimary(600, 1.1).approved(school("9999030003", COUNTY, "PRIMARY")));
        return list;
    }

    @Test
    void everythingPresentAndMetPasses() {
        Evaluation e = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, goodCounty(), List.of(),
                completeFindings(false), survey(0.91), 1), ruleSet("QUALITY_2017"));
        assertEquals(List.of(), e.missingInputs(), e.toString());
        assertEquals("PASS", e.verdict(), e.toString());
        assertEquals(0.91, e.parts().get("recognition").rate());
        assertEquals(1.0, e.stages().get("PRIMARY").figures().compliantShare());
        // no junior school: the stage is not applicable and fails nothing
        assertEquals(0, e.stages().get("JUNIOR").includedSchools());
        assertNull(e.stages().get("JUNIOR").indicators().get("R1").cv());
    }

    @Test
    void surveyMissingIsIncompleteNeverInvented() {
        Evaluation e = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, goodCounty(), List.of(),
                completeFindings(false), null, 1), ruleSet("QUALITY_2017"));
        assertEquals("INCOMPLETE", e.verdict());
        assertEquals(List.of("survey"), e.missingInputs());
        assertNull(e.parts().get("recognition").pass());
        assertNull(e.parts().get("recognition").rate());
    }

    @Test
    void aVetoFailsTheCountyAndMissingFindingsAreNamed() {
        Evaluation vetoed = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, goodCounty(), List.of(),
                completeFindings(true), survey(0.91), 1), ruleSet("QUALITY_2017"));
        assertEquals("FAIL", vetoed.verdict());
        assertEquals(List.of("vetoes"), vetoed.failingParts());

        Evaluation bare = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, goodCounty(),
                List.of(new CountyInputs.RegisteredSchool("9999030009", "未报学校", "PRIMARY")), null, null, 1),
                ruleSet("QUALITY_2017"));
        assertEquals("INCOMPLETE", bare.verdict());
        assertTrue(bare.missingInputs().contains("reports.9999030009"));
        assertTrue(bare.missingInputs().contains("findings.G1"));
        assertTrue(bare.missingInputs().contains("figures.teacherAveragePayYuan"));
        assertTrue(bare.missingInputs().contains("vetoes.EXAM_ADMISSION"));
        assertTrue(bare.missingInputs().contains("retention"));
        assertTrue(bare.missingInputs().contains("survey"));
    }

    @Test
    void aFailingCvNamesItsContributorsAndTheRemedy() {
        List<CountyInputs.ApprovedReport> reports = goodCounty();
        // one school with a tenth of the sports area per student: R5 CV jumps over 0.50 and that school fails R5
        reports.add(Report.of().students("PRIMARY", 2000).classes("PRIMARY", 40)
                .teachers("PRIMARY", 120, 84, 20, 10, 18, 60).facilities(9000, 1500, 4_000_000, 46, 200, 60_000)
                .rooms(List.of(96.0), List.of(90.0)).funding(1_000_000, 60_000)
                .approved(school("9999030004", COUNTY, "PRIMARY")));
        Evaluation e = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, reports, List.of(),
                completeFindings(false), survey(0.91), 1), ruleSet("QUALITY_2017"));
        Evaluation.Indicator r5 = e.stages().get("PRIMARY").indicators().get("R5");
        assertFalse(r5.pass());
        assertTrue(r5.cv() > 0.5);
        assertEquals("9999030004", r5.gap().largestContributors().get(0).schoolCode());
        assertEquals("BELOW_MEAN", r5.gap().largestContributors().get(0).side());
        assertNotNull(r5.gap().remedy());
        assertTrue(r5.gap().remedy().resultingCv() <= 0.5);
        assertEquals("9999030004", r5.gap().remedy().schools().get(0).schoolCode());
        assertEquals("m2", r5.gap().remedy().unit());
        assertEquals("FAIL", e.verdict());
        assertEquals(List.of("resources"), e.failingParts());
    }

    @Test
    void basicCompositeIsTheMeanOfEightCvs() {
        // two primary schools, 100 and 300 students. B1–B4 per-student ratio 5 : 1 (CV 0.8660 each),
        // B5–B8 ratio 2 : 1 (CV 0.3464 each): composite (0.8660 + 0.3464) / 2 = 0.6062 < 0.65 passes primary.
        var a = Report.of().students("PRIMARY", 100).teachers("PRIMARY", 20, 20, 0, 0, 0, 20)
                .facilities(500, 500, 500, 5, 5, 200).build();
        var b = Report.of().students("PRIMARY", 300).teachers("PRIMARY", 30, 30, 0, 0, 0, 30)
                .facilities(300, 300, 300, 3, 3, 300).build();
        List<CountyInputs.ApprovedReport> reports = List.of(
                new CountyInputs.ApprovedReport(school("9999040001", "999904", "PRIMARY"), a, 1),
                new CountyInputs.ApprovedReport(school("9999040002", "999904", "PRIMARY"), b, 1));
        Evaluation e = Evaluator.evaluate(new CountyInputs("999904", "县", 2025, reports, List.of(), null, null, 1),
                ruleSet("BASIC_2012"));
        var primary = e.stages().get("PRIMARY");
        assertEquals(0.8660, primary.indicators().get("B1").cv());
        assertEquals(0.8660, primary.indicators().get("B4").cv());
        assertEquals(0.3464, primary.indicators().get("B5").cv());
        assertEquals(0.3464, primary.indicators().get("B6").cv());
        assertNull(primary.indicators().get("B1").pass()); // the composite decides
        assertEquals(0.6062, primary.composite().cv());
        assertTrue(primary.composite().pass());
        assertTrue(primary.composite().strictlyBelow());

        // the same schools as junior schools: limit 0.55 → fails
        var aj = Report.of().students("JUNIOR", 100).teachers("JUNIOR", 20, 20, 0, 0, 0, 20)
                .facilities(500, 500, 500, 5, 5, 200).build();
        var bj = Report.of().students("JUNIOR", 300).teachers("JUNIOR", 30, 30, 0, 0, 0, 30)
                .facilities(300, 300, 300, 3, 3, 300).build();
        Evaluation junior = Evaluator.evaluate(new CountyInputs("999904", "县", 2025, List.of(
                new CountyInputs.ApprovedReport(school("9999040003", "999904", "JUNIOR"), aj, 1),
                new CountyInputs.ApprovedReport(school("9999040004", "999904", "JUNIOR"), bj, 1)), List.of(), null, null, 1),
                ruleSet("BASIC_2012"));
        assertEquals(0.6062, junior.stages().get("JUNIOR").composite().cv());
        assertFalse(junior.stages().get("JUNIOR").composite().pass());
        assertEquals("FAIL", junior.verdict());
        assertEquals(List.of("resources"), junior.failingParts());
    }

    @Test
    void basicCompositeWithAZeroMeanIsUndefinedNotZero() {
        var a = Report.of().students("PRIMARY", 100).teachers("PRIMARY", 20, 20, 0, 0, 0, 20)
                .facilities(500, 500, 500, 0, 5, 200).build();
        Evaluation e = Evaluator.evaluate(new CountyInputs("999904", "县", 2025, List.of(
                new CountyInputs.ApprovedReport(school("9999040001", "999904", "PRIMARY"), a, 1)), List.of(), null, null, 1),
                ruleSet("BASIC_2012"));
        // B4 computers: 5 per 100 → defined; make B… with zero: no multimedia is not a BASIC indicator, so use books 0
        assertNotNull(e.stages().get("PRIMARY").indicators().get("B4").cv());
        var zeroBooks = Report.of().students("PRIMARY", 100).teachers("PRIMARY", 20, 20, 0, 0, 0, 20)
                .facilities(500, 500, 500, 0, 5, 0).build();
        Evaluation z = Evaluator.evaluate(new CountyInputs("999904", "县", 2025, List.of(
                new CountyInputs.ApprovedReport(school("9999040001", "999904", "PRIMARY"), zeroBooks, 1)), List.of(), null, null, 1),
                ruleSet("BASIC_2012"));
        var b5 = z.stages().get("PRIMARY").indicators().get("B5");
        assertNull(b5.cv());
        assertEquals(0.0, b5.countyValue());
        assertTrue(b5.reason().contains("undefined"));
        assertNull(z.stages().get("PRIMARY").composite().cv());
        assertFalse(z.stages().get("PRIMARY").composite().pass());
    }

    @Test
    void computedAssuranceChecksStateWhatEachSchoolNeeds() {
        List<CountyInputs.ApprovedReport> reports = new ArrayList<>(goodCounty());
        // 25 classes need 3 music and 3 art rooms; one art room of 80 m²; training funds 2 % of the budget;
        // a class of 67 (super-large) and 2100 students
        Integer[] sizes = new Integer[25];
        java.util.Arrays.fill(sizes, 84);
        sizes[0] = 67;
        reports.add(goodPrimary(2100, 1.0).classes("PRIMARY", sizes).rooms(List.of(96.0, 100.0, 96.0), List.of(80.0))
                .funding(1_000_000, 20_000).approved(school("9999030005", COUNTY, "PRIMARY")));
        Evaluation e = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, reports, List.of(),
                completeFindings(false), survey(0.91), 1), ruleSet("QUALITY_2017"));
        var assurance = e.parts().get("assurance");
        assertEquals("FAIL", assurance.status());
        var g3 = assurance.checks().stream().filter(c -> c.id().equals("G3")).findFirst().orElseThrow();
        assertEquals(Map.of("artRooms", 2.0, "artRoomAreaM2", 10.0), g3.schools().get(0).needs());
        var g4 = assurance.checks().stream().filter(c -> c.id().equals("G4")).findFirst().orElseThrow();
        assertEquals(100.0, g4.schools().get(0).needs().get("studentsOverLimit"));
        var g5 = assurance.checks().stream().filter(c -> c.id().equals("G5")).findFirst().orElseThrow();
        assertEquals("FAIL", g5.status());
        var q4 = e.parts().get("quality").checks().stream().filter(c -> c.id().equals("Q4")).findFirst().orElseThrow();
        assertEquals(30_000.0, q4.schools().get(0).needs().get("yuan"));
        var figures = e.stages().get("PRIMARY").figures();
        assertEquals(36 + 25, figures.classes());
        assertEquals(25, figures.largeClasses());
        assertEquals(25, figures.superLargeClasses());
        // retention (960 − 10 + 20) / (1000 − 2) = 0.9719 passes
        assertEquals("PASS", e.parts().get("quality").checks().get(0).status());
    }

    @Test
    void jiangxiVariantCountsCityLevelBackboneTeachers() {
        // 1000 students, 10 county-level but only 5 city-level backbone teachers: R2 1.0 nationally, 0.5 in Jiangxi
        var r = goodPrimary(1000, 1.0).approved(school("3601020001", "360102", "PRIMARY"));
        Evaluation national = Evaluator.evaluate(new CountyInputs("360102", "县", 2025, List.of(r), List.of(), null, null, 1),
                ruleSet("QUALITY_2017"));
        Evaluation jiangxi = Evaluator.evaluate(new CountyInputs("360102", "县", 2025, List.of(r), List.of(), null, null, 1),
                ruleSet("JIANGXI_QUALITY_2017"));
        assertEquals(1.0, national.stages().get("PRIMARY").schools().get(0).values().get("R2"));
        assertEquals(0.5, jiangxi.stages().get("PRIMARY").schools().get(0).values().get("R2"));
        assertEquals(List.of("R2"), jiangxi.stages().get("PRIMARY").schools().get(0).failing());
        assertFalse(jiangxi.stages().get("PRIMARY").schools().get(0).complies()); // 0.5 < 85 % of 1.0
    }

    @Test
    void schoolIndicatorsStateTheGapInUnits() {
        // nine-year school, junior part: 1100 m² for 200 students; standard 5.8 → 60 m² more for the stage,
        // 60 / (220/520) = 141.82 m² for the whole school
        var r = Report.of().students("PRIMARY", 300).students("JUNIOR", 200).facilities(2600, 0, 0, 0, 0, 0)
                .approved(school("9999010003", "999901", "NINE_YEAR"));
        SchoolIndicators s = SchoolIndicators.of(r, 2025, ruleSet("QUALITY_2017"), null);
        var junior = s.stages().get(1);
        assertEquals("JUNIOR", junior.stage());
        var r4 = junior.indicators().get("R4");
        assertEquals(5.5, r4.value());
        assertFalse(r4.meets());
        assertTrue(r4.meetsFloor());
        assertEquals(60.0, r4.gap().toStandard());
        assertEquals(141.82, r4.gap().toStandardSchoolWide());
        assertEquals(0.0, r4.gap().toFloor());
        // R1: no junior teachers at all → 5.3 per 100 of 200 students = 10.6 → 11 teachers
        assertEquals(11.0, junior.indicators().get("R1").gap().toStandard());
        assertEquals("teachers", junior.indicators().get("R1").gap().unit());
    }
}
