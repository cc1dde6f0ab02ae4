package io.balance.supervision.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.balance.contracts.EvaluationDetailsV1;
import io.balance.contracts.EvaluationDetailsV1.SchoolStage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 004's plan (利通区) against hand-computed evaluations, at both sides of each threshold. */
class ProgressTest {
    /** Seed 004: compliant schools 60/80/90/95 % (2022–2025), large classes ≤ 3 % (2021) then 2 %, no 66+ class. */
    static List<Target> seed004() {
        List<Target> t = new ArrayList<>();
        double[] shares = {0.60, 0.80, 0.90, 0.95};
        for (int i = 0; i < shares.length; i++) {
            t.add(number(2022 + i, TargetKind.COMPLIANT_SCHOOL_SHARE, Comparison.AT_LEAST, shares[i]));
        }
        t.add(number(2021, TargetKind.LARGE_CLASS_SHARE, Comparison.AT_MOST, 0.03));
        t.add(number(2022, TargetKind.LARGE_CLASS_SHARE, Comparison.AT_MOST, 0.02));
        t.add(number(2021, TargetKind.SUPER_LARGE_CLASSES, Comparison.AT_MOST, 0));
        return t;
    }

    static Target number(int year, TargetKind kind, Comparison comparison, double value) {
        return new Target(year, kind, "", "", comparison, BigDecimal.valueOf(value), null);
    }

    static SchoolStage school(String code, String type, boolean excluded, boolean complies) {
        return new SchoolStage(code, code, type, 100, excluded, complies, Map.of());
    }

    /**
     * 2024: PRIMARY A ✓, B ✗, C (nine-year) ✓, D teaching point under 50 (excluded from CVs) ✓, E special
     * education ✗ (not assessed); JUNIOR C ✗, F ✓. Schools assessed A B C D F = 5, compliant A D F = 3:
     * 3/5 = 0.6 (school-stages would give 4/6). Classes 40 + 10, large 1 + 0: 1/50 = 0.02.
     */
    static EvaluationDetailsV1 year2024() {
        return new EvaluationDetailsV1(List.of(
                new EvaluationDetailsV1.Stage("PRIMARY", 40, 1, 0, null, null, List.of(), List.of(
                        school("A", "PRIMARY", false, true), school("B", "PRIMARY", false, false),
                        school("C", "NINE_YEAR", false, true), school("D", "TEACHING_POINT", true, true),
                        school("E", "SPECIAL_EDUCATION", true, false))),
                new EvaluationDetailsV1.Stage("JUNIOR", 10, 0, 0, null, null, List.of(), List.of(
                        school("C", "NINE_YEAR", false, false), school("F", "JUNIOR", false, true)))),
                new EvaluationDetailsV1.Compliance(5, 3, 6, 4), List.of(), 0.86);
    }

    /** 2023: the same five schools, C now compliant in both stages: 4/5 = 0.8; large classes 2/50 = 0.04. */
    static EvaluationDetailsV1 year2023() {
        return new EvaluationDetailsV1(List.of(
                new EvaluationDetailsV1.Stage("PRIMARY", 40, 2, 0, null, null, List.of(), List.of(
                        school("A", "PRIMARY", false, true), school("B", "PRIMARY", false, false),
                        school("C", "NINE_YEAR", false, true), school("D", "TEACHING_POINT", true, true))),
                new EvaluationDetailsV1.Stage("JUNIOR", 10, 0, 0, null, null, List.of(), List.of(
                        school("C", "NINE_YEAR", false, true), school("F", "JUNIOR", false, true)))),
                new EvaluationDetailsV1.Compliance(5, 4, 6, 5), List.of(), null);
    }

    @Test
    void seed004PlanIn2024() {
        Map<Integer, Progress.YearEvaluation> evaluations = Map.of(
                2023, new Progress.YearEvaluation("FAIL", year2023()),
                2024, new Progress.YearEvaluation("FAIL", year2024()));
        List<Progress.Row> rows = Progress.of(seed004(), evaluations, 2024);
        assertEquals(3, rows.size());

        Progress.Row compliant = rows.get(0);
        assertEquals(TargetKind.COMPLIANT_SCHOOL_SHARE, compliant.target().kind());
        assertEquals(0, new BigDecimal("0.90").compareTo(compliant.judged().target()));
        assertEquals(0.6, compliant.judged().actual().value());
        assertEquals(TargetStatus.NOT_MET, compliant.judged().status());
        // trend: 2022 (60 %, no evaluation), 2023 (80 %: 4/5 meets it exactly)
        assertEquals(2, compliant.trend().size());
        assertEquals(2022, compliant.trend().get(0).year());
        assertEquals(TargetStatus.NO_DATA, compliant.trend().get(0).status());
        assertEquals(0.8, compliant.trend().get(1).actual().value());
        assertEquals(TargetStatus.MET, compliant.trend().get(1).status());

        Progress.Row large = rows.get(1);
        assertEquals(TargetKind.LARGE_CLASS_SHARE, large.target().kind());
        // the 2022 target (2 %) is still in force in 2024; 1/50 = 0.02 is at most 0.02
        assertEquals(2022, large.target().year());
        assertEquals(0.02, large.judged().actual().value());
        assertEquals(TargetStatus.MET, large.judged().status());
        assertEquals(List.of(2021, 2022, 2023), large.trend().stream().map(Progress.Judged::year).toList());
        assertEquals(TargetStatus.NOT_MET, large.trend().get(2).status()); // 2/50 = 0.04 > 0.02

        Progress.Row superLarge = rows.get(2);
        assertEquals(0.0, superLarge.judged().actual().value());
        assertEquals(TargetStatus.MET, superLarge.judged().status());
    }

    @Test
    void noEvaluationIsNoData() {
        List<Progress.Row> rows = Progress.of(seed004(), Map.of(), 2025);
        rows.forEach(r -> assertEquals(TargetStatus.NO_DATA, r.judged().status()));
        assertEquals(0, new BigDecimal("0.95").compareTo(rows.get(0).judged().target()));
    }

    @Test
    void beforeThePlanNoRow() {
        assertEquals(2, Progress.of(seed004(), Map.of(), 2021).size());
        assertEquals(0, Progress.of(seed004(), Map.of(), 2020).size());
    }

    @Test
    void ninetyFivePercentExactlyAtBothSides() {
        Target t = number(2025, TargetKind.COMPLIANT_SCHOOL_SHARE, Comparison.AT_LEAST, 0.95);
        assertEquals(TargetStatus.MET, judge(t, shareOf(19, 20)));
        assertEquals(TargetStatus.NOT_MET, judge(t, shareOf(18, 20)));
        // 37/39 = 0.94872 reported as 0.9487, below 95 %; 38/40 = 0.95 exactly
        assertEquals(TargetStatus.NOT_MET, judge(t, shareOf(37, 39)));
        assertEquals(TargetStatus.MET, judge(t, shareOf(38, 40)));
    }

    @Test
    void largeClassesAtMostBothSides() {
        Target t = number(2022, TargetKind.LARGE_CLASS_SHARE, Comparison.AT_MOST, 0.02);
        assertEquals(TargetStatus.MET, judge(t, classes(100, 2, 0)));
        assertEquals(TargetStatus.NOT_MET, judge(t, classes(100, 3, 0)));
        Target none = number(2021, TargetKind.SUPER_LARGE_CLASSES, Comparison.AT_MOST, 0);
        assertEquals(TargetStatus.MET, judge(none, classes(100, 3, 0)));
        assertEquals(TargetStatus.NOT_MET, judge(none, classes(100, 3, 1)));
        assertEquals(TargetStatus.NO_DATA, judge(none, classes(0, 0, 0)));
    }

    @Test
    void cvValueRecognitionAndVerdict() {
        EvaluationDetailsV1 d = new EvaluationDetailsV1(List.of(new EvaluationDetailsV1.Stage("PRIMARY", 0, 0, 0, null,
                null, List.of(new EvaluationDetailsV1.Indicator("R4", "n", "m2", 4.5, 5.1818, 0.45, 0.5, true, null, null),
                        new EvaluationDetailsV1.Indicator("R7", "n", "rooms", 2.3, 0.0, null, 0.5, null, null, null)),
                List.of())), null, List.of(), 0.85);
        Progress.YearEvaluation y = new Progress.YearEvaluation("INCOMPLETE", d);
        Target cv = new Target(2025, TargetKind.INDICATOR_CV, "PRIMARY", "R4", Comparison.AT_MOST, new BigDecimal("0.45"), null);
        assertEquals(TargetStatus.MET, Progress.judge(cv, true, 2025, y).status());
        Target tighter = new Target(2025, TargetKind.INDICATOR_CV, "PRIMARY", "R4", Comparison.AT_MOST, new BigDecimal("0.4499"), null);
        assertEquals(TargetStatus.NOT_MET, Progress.judge(tighter, true, 2025, y).status());
        Target undefinedCv = new Target(2025, TargetKind.INDICATOR_CV, "PRIMARY", "R7", Comparison.AT_MOST, new BigDecimal("0.5"), null);
        assertEquals(TargetStatus.NO_DATA, Progress.judge(undefinedCv, true, 2025, y).status());
        Target value = new Target(2025, TargetKind.INDICATOR_VALUE, "PRIMARY", "R4", Comparison.AT_LEAST, new BigDecimal("5.1818"), null);
        assertEquals(TargetStatus.MET, Progress.judge(value, true, 2025, y).status());
        Target rate = new Target(2025, TargetKind.RECOGNITION_RATE, "", "", Comparison.AT_LEAST, new BigDecimal("0.85"), null);
        assertEquals(TargetStatus.MET, Progress.judge(rate, true, 2025, y).status());
        Target verdict = new Target(2025, TargetKind.VERDICT, "", "", Comparison.AT_LEAST, null, "PASS");
        assertEquals(TargetStatus.NO_DATA, Progress.judge(verdict, true, 2025, y).status());
        assertEquals(TargetStatus.NOT_MET, Progress.judge(verdict, true, 2025, new Progress.YearEvaluation("FAIL", d)).status());
        assertEquals(TargetStatus.MET, Progress.judge(verdict, true, 2025, new Progress.YearEvaluation("PASS", d)).status());
        assertNull(Progress.judge(verdict, true, 2025, null).actual().verdict());
    }

    private static TargetStatus judge(Target t, EvaluationDetailsV1 d) {
        return Progress.judge(t, true, t.year(), new Progress.YearEvaluation("FAIL", d)).status();
    }

    private static EvaluationDetailsV1 shareOf(int compliant, int schools) {
        List<SchoolStage> list = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            list.add(school("S" + i, "PRIMARY", false, i < compliant));
        }
        return new EvaluationDetailsV1(List.of(new EvaluationDetailsV1.Stage("PRIMARY", 0, 0, 0, null, null, List.of(), list)),
                new EvaluationDetailsV1.Compliance(schools, compliant, schools, compliant), List.of(), null);
    }

    private static EvaluationDetailsV1 classes(int classes, int large, int superLarge) {
        return new EvaluationDetailsV1(List.of(new EvaluationDetailsV1.Stage("PRIMARY", classes, large, superLarge, null,
                null, List.of(), List.of())), null, List.of(), null);
    }
}
