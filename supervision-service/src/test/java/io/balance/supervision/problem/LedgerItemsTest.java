package io.balance.supervision.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.EvaluationDetailsV1;
import io.balance.contracts.EvaluationDetailsV1.SchoolStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which items of an evaluation become problems, with which key and gap; and how earlier items stand. */
class LedgerItemsTest {
    static final String P = "2025/QUALITY_2017/";

    static EvaluationChangedV1 event(EvaluationDetailsV1 d, List<String> missing) {
        return new EvaluationChangedV1("e", 1, Instant.now(), "999901", 2025, "QUALITY_2017", 3, "FAIL", 5, List.of(),
                missing, d);
    }

    static EvaluationDetailsV1 details() {
        return new EvaluationDetailsV1(List.of(new EvaluationDetailsV1.Stage("PRIMARY", 10, 0, 0, null, null, List.of(
                new EvaluationDetailsV1.Indicator("R4", "生均教学及辅助用房面积", "m2", 4.5, 4.2, 0.61, 0.5, false,
                        "raise the 2 school-stages below 3.9 to it: CV becomes 0.4987", 812.34),
                new EvaluationDetailsV1.Indicator("R5", "生均体育运动场馆面积", "m2", 7.5, 8.1, 0.3, 0.5, true, null, null),
                new EvaluationDetailsV1.Indicator("R1", "每百名学生拥有高于规定学历教师数", "teachers", 4.2, 5.0, 0.2, 0.5, true, null, null)),
                List.of(
                        // below the school rule: one item per indicator below standard, with its gap
                        new SchoolStage("1199990101", "实验小学", "PRIMARY", 600, false, false, Map.of("R5", 1250.5, "R1", 3.0)),
                        // complies (6 of 7, rest ≥ 85 %): its one shortfall is no problem
                        new SchoolStage("1199990102", "一小", "PRIMARY", 500, false, true, Map.of("R5", 40.0)),
                        // special education: its own standards apply
                        new SchoolStage("1199990139", "特校", "SPECIAL_EDUCATION", 60, true, false, Map.of("R4", 100.0)),
                        // a teaching point under 50 pupils leaves the CVs, not the school rule
                        new SchoolStage("1199990136", "教学点", "TEACHING_POINT", 40, true, false, Map.of("R7", 1.0))))),
                new EvaluationDetailsV1.Compliance(3, 1, 3, 1),
                List.of(new EvaluationDetailsV1.Check("assurance", "G3", "音乐美术专用教室", "FAIL", "1 school",
                                List.of(new EvaluationDetailsV1.SchoolIssue("1199990129", "九年制", "music room 64 m²",
                                        Map.of("musicRoomAreaM2", 32.0)))),
                        new EvaluationDetailsV1.Check("assurance", "G9", "培训", "FAIL", "county-wide", List.of()),
                        new EvaluationDetailsV1.Check("quality", "Q1", "巩固率", "PASS", "", List.of()),
                        new EvaluationDetailsV1.Check("recognition", "RECOGNITION", "社会认可度", "FAIL", "0.8 < 0.85", List.of()),
                        new EvaluationDetailsV1.Check("vetoes", "EXAM_ADMISSION", "EXAM_ADMISSION", "INCOMPLETE", "", List.of())),
                0.8);
    }

    @Test
    void everyFailingItemOnce() {
        LedgerItems items = LedgerItems.of(event(details(), List.of("reports.1199990105", "findings.G1")));
        assertEquals(List.of(P + "cv/PRIMARY/R4",
                        P + "school/1199990101/PRIMARY/R1", P + "school/1199990101/PRIMARY/R5",
                        P + "school/1199990136/PRIMARY/R7",
                        P + "check/G3/school/1199990129", P + "check/G9", P + "recognition",
                        P + "missing/reports.1199990105", P + "missing/findings.G1"),
                items.failing().keySet().stream().sorted((a, b) -> order(a) - order(b)).toList());
        LedgerItem r5 = items.failing().get(P + "school/1199990101/PRIMARY/R5");
        assertEquals(new Gap("m2", new BigDecimal("1250.5")), r5.gap());
        assertEquals("R5", r5.ref());
        assertEquals("PRIMARY", r5.stage());
        assertTrue(r5.title().contains("差 1250.5 ㎡"), r5.title());
        LedgerItem cv = items.failing().get(P + "cv/PRIMARY/R4");
        assertEquals(new Gap("m2", new BigDecimal("812.34")), cv.gap());
        assertTrue(cv.hint().startsWith("raise the 2 school-stages"));
        assertEquals(new Gap("m2", new BigDecimal("32")), items.failing().get(P + "check/G3/school/1199990129").gap());
        assertEquals("1199990105", items.failing().get(P + "missing/reports.1199990105").schoolCode());
        assertNull(items.failing().get(P + "check/G9").gap());
    }

    /** indicator-service names a school's missing field after its code: the problem is that school's. */
    @Test
    void aMissingFieldOfASchoolsReportBelongsToThatSchool() {
        LedgerItems items = LedgerItems.of(event(details(), List.of("reports.1199990105.funding.publicFundsBudgetYuan",
                "reports.1199990106.classSizes.PRIMARY", "findings.G1")));
        assertEquals("1199990105", items.failing().get(P + "missing/reports.1199990105.funding.publicFundsBudgetYuan")
                .schoolCode());
        assertEquals("1199990106", items.failing().get(P + "missing/reports.1199990106.classSizes.PRIMARY").schoolCode());
        assertNull(items.failing().get(P + "missing/findings.G1").schoolCode());
    }

    private static int order(String key) {
        String[] kinds = {"cv/", "school/", "check/", "recognition", "missing/"};
        for (int i = 0; i < kinds.length; i++) {
            if (key.startsWith(P + kinds[i])) {
                return i * 1000 + (key.endsWith("R1") ? 0 : key.endsWith("R5") ? 1 : key.contains("0136") ? 2
                        : key.contains("G3") ? 0 : key.contains("G9") ? 1 : key.contains("reports") ? 0 : 1);
            }
        }
        return 9999;
    }

    @Test
    void howEarlierItemsStand() {
        LedgerItems items = LedgerItems.of(event(details(), List.of("findings.G1")));
        assertEquals(LedgerItems.State.FAILING, items.stateOf(P + "school/1199990101/PRIMARY/R5"));
        // assessed and no longer failing
        assertEquals(LedgerItems.State.PASSING, items.stateOf(P + "school/1199990102/PRIMARY/R5"));
        assertEquals(LedgerItems.State.PASSING, items.stateOf(P + "cv/PRIMARY/R5"));
        assertEquals(LedgerItems.State.PASSING, items.stateOf(P + "check/Q1"));
        assertEquals(LedgerItems.State.PASSING, items.stateOf(P + "check/G3/school/1199990140"));
        assertEquals(LedgerItems.State.PASSING, items.stateOf(P + "missing/reports.1199990105"));
        assertEquals(LedgerItems.State.PASSING, items.stateOf(P + "veto/ILLEGAL_FEES"));
        // not assessed: the school is absent, the veto undeclared, another year or rule set
        assertEquals(LedgerItems.State.NOT_ASSESSED, items.stateOf(P + "school/1199990105/PRIMARY/R5"));
        assertEquals(LedgerItems.State.NOT_ASSESSED, items.stateOf(P + "veto/EXAM_ADMISSION"));
        assertEquals(LedgerItems.State.NOT_ASSESSED, items.stateOf("2024/QUALITY_2017/check/Q1"));
        assertEquals(LedgerItems.State.NOT_ASSESSED, items.stateOf("2025/BASIC_2012/check/Q1"));
    }

    @Test
    void withoutDetailsOnlyMissingInputs() {
        LedgerItems items = LedgerItems.of(event(null, List.of("survey")));
        assertEquals(List.of(P + "missing/survey"), items.keys());
        assertEquals(LedgerItems.State.NOT_ASSESSED, items.stateOf(P + "school/1199990101/PRIMARY/R5"));
    }
}
