package io.balance.indicator.calc;

import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.school;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.indicator.Fixtures.Report;
import io.balance.indicator.evaluation.CountyInputs;
import io.balance.indicator.evaluation.Evaluation;
import io.balance.indicator.evaluation.Evaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** evaluation-standards.md §4.2, to four decimals. */
class WorkedExampleTest {

    static List<CountyInputs.ApprovedReport> reports() {
        return List.of(
                Report.of().students("PRIMARY", 600).facilities(3000, 0, 0, 0, 0, 0).approved(school("9999010001", "999901", "PRIMARY")),
                Report.of().students("PRIMARY", 200).facilities(1200, 0, 0, 0, 0, 0).approved(school("9999010002", "999901", "PRIMARY")),
                Report.of().students("PRIMARY", 300).students("JUNIOR", 200).facilities(2600, 0, 0, 0, 0, 0)
                        .approved(school("9999010003", "999901", "NINE_YEAR")),
                Report.of().students("PRIMARY", 40).facilities(100, 0, 0, 0, 0, 0).approved(school("9999010004", "999901", "TEACHING_POINT")));
    }

    @Test
    void pureCvOfTheThreeIncludedSchoolStages() {
        // A 600 / 3000, B 200 / 1200, C-primary 300 / 1500 (2600 × 300/520)
        Cv.Result cv = Cv.of(new double[] {600, 200, 300}, new double[] {3000, 1200, 2600 * 300.0 / 520}, 1);
        assertEquals(5.1818, Numbers.r4(cv.mean()));
        assertEquals(0.3857, Numbers.r4(cv.s()));
        assertEquals(0.0744, Numbers.r4(cv.cv()));
    }

    @Test
    void countyEvaluationReproducesTheExample() {
        CountyInputs in = new CountyInputs("999901", "示例县", 2025, reports(), List.of(), null, null, 1);
        Evaluation e = Evaluator.evaluate(in, ruleSet("QUALITY_2017"));
        Evaluation.Stage primary = e.stages().get("PRIMARY");
        Evaluation.Indicator r4 = primary.indicators().get("R4");
        assertEquals(5.1818, r4.countyValue());
        assertEquals(0.0744, r4.cv());
        assertEquals(0.50, r4.cvLimit());
        assertTrue(r4.pass());
        assertEquals(3, primary.includedSchools());
        assertEquals(1, primary.excludedSchools());
        assertEquals(4, e.basedOnReports());

        // the teaching point keeps its own values although excluded
        Evaluation.SchoolStage d = primary.schools().stream().filter(s -> s.schoolCode().equals("9999010004")).findFirst().orElseThrow();
        assertTrue(d.excluded());
        assertEquals(2.5, d.values().get("R4"));

        // C-junior: 1100 m² for 200 students = 5.5, below 5.8 but above 85 % of it
        Evaluation.SchoolStage cJunior = e.stages().get("JUNIOR").schools().get(0);
        assertEquals("9999010003", cJunior.schoolCode());
        assertEquals(5.5, cJunior.values().get("R4"));
        assertTrue(cJunior.failing().contains("R4"));
        assertFalse(cJunior.belowFloor().contains("R4"));
    }

    @Test
    void nineYearSharesAreWeightedOneToOnePointOne() {
        var parts = StagePart.of(school("9999010003", "999901", "NINE_YEAR"),
                Report.of().students("PRIMARY", 300).students("JUNIOR", 200).facilities(2600, 0, 0, 0, 0, 0).build(),
                ruleSet("QUALITY_2017"));
        assertEquals(1500.0, parts.get(0).numerators().get("R4"), 1e-9);
        assertEquals(1100.0, parts.get(1).numerators().get("R4"), 1e-9);
        assertEquals(5.5, parts.get(1).values().get("R4"), 1e-9);
    }
}
