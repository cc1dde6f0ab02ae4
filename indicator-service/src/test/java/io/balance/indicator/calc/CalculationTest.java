package io.balance.indicator.calc;

import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.school;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.indicator.Fixtures.Report;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases computed by hand: apportioning, exclusions, zero mean, the 85 % floor, levelling. */
class CalculationTest {

    @Test
    void completeMiddleSchoolGivesJuniorBOverBPlusOnePointTwoC() {
        // B = 400 junior, C = 500 senior: 400 / (400 + 600) = 0.4 of 10 000 m² = 4000 m²
        var parts = StagePart.of(school("1", "999902", "COMPLETE_MIDDLE"),
                Report.of().students("JUNIOR", 400).students("SENIOR", 500).facilities(10_000, 0, 1_000_000, 0, 0, 0).build(),
                ruleSet("QUALITY_2017"));
        assertEquals(1, parts.size());
        assertEquals("JUNIOR", parts.get(0).stage());
        assertEquals(0.4, parts.get(0).share(), 1e-12);
        assertEquals(4000, parts.get(0).numerators().get("R4"), 1e-9);
        assertEquals(10.0, parts.get(0).values().get("R4"), 1e-9);
        assertEquals(1000.0, parts.get(0).values().get("R6"), 1e-9);
    }

    @Test
    void twelveYearSchoolWeightsOneOnePointOneOnePointThreeTwo() {
        // A 600, B 300, C 200: 600 + 330 + 264 = 1194 weighted students; 11 940 m² → 6000 / 3300 (/ 2640 senior)
        var parts = StagePart.of(school("1", "999902", "TWELVE_YEAR"),
                Report.of().students("PRIMARY", 600).students("JUNIOR", 300).students("SENIOR", 200)
                        .facilities(11_940, 0, 0, 0, 0, 0)
                        .teachers("JUNIOR", 30, 27, 3, 1, 3, 10).build(),
                ruleSet("QUALITY_2017"));
        assertEquals(2, parts.size());
        assertEquals(6000, parts.get(0).numerators().get("R4"), 1e-9);
        assertEquals(10.0, parts.get(0).values().get("R4"), 1e-9);
        assertEquals(3300, parts.get(1).numerators().get("R4"), 1e-9);
        assertEquals(11.0, parts.get(1).values().get("R4"), 1e-9);
        // teacher counts are per stage, never apportioned: 27 / 300 × 100 = 9.0
        assertEquals(9.0, parts.get(1).values().get("R1"), 1e-9);
        assertEquals(0.0, parts.get(0).values().get("R1"), 1e-9);
    }

    @Test
    void specialEducationAndSmallTeachingPointsAreExcluded() {
        var rules = ruleSet("QUALITY_2017");
        var special = StagePart.of(school("1", "999902", "SPECIAL_EDUCATION"),
                Report.of().students("PRIMARY", 120).facilities(1200, 0, 0, 0, 0, 0).build(), rules);
        assertTrue(special.get(0).excluded());
        assertEquals(10.0, special.get(0).values().get("R4"), 1e-9);
        var point49 = StagePart.of(school("2", "999902", "TEACHING_POINT"),
                Report.of().students("PRIMARY", 49).facilities(245, 0, 0, 0, 0, 0).build(), rules);
        assertTrue(point49.get(0).excluded());
        var point50 = StagePart.of(school("3", "999902", "TEACHING_POINT"),
                Report.of().students("PRIMARY", 50).facilities(250, 0, 0, 0, 0, 0).build(), rules);
        assertFalse(point50.get(0).excluded());
    }

    @Test
    void zeroMeanHasNoCoefficientOfVariation() {
        Cv.Result cv = Cv.of(new double[] {100, 200}, new double[] {0, 0}, 100);
        assertNull(cv.cv());
        assertEquals(0.0, cv.mean());
        assertTrue(cv.reason().contains("undefined"));
        Cv.Result none = Cv.of(new double[0], new double[0], 1);
        assertNull(none.cv());
        assertNull(none.mean());
    }

    @Test
    void weightedCvDiffersFromTheUnweightedOne() {
        // 100 students at 2.0, 300 at 1.0: X̄ = 1.25, S = sqrt(.25·.5625 + .75·.0625) = 0.4330, CV = 0.3464
        Cv.Result cv = Cv.of(new double[] {100, 300}, new double[] {200, 300}, 1);
        assertEquals(1.25, cv.mean(), 1e-12);
        assertEquals(0.3464, Numbers.r4(cv.cv()));
        // the unweighted CV would be 0.5 / 1.5 = 0.3333
    }

    @Test
    void eightyFivePercentFloorAtItsBoundary() {
        Map<String, Double> standards = ruleStandards();
        // R4 exactly 85 % of 4.5 = 3.825, all others at standard → complies
        Map<String, Double> values = new java.util.LinkedHashMap<>(standards);
        values.put("R4", 3825.0 / 1000);
        SchoolRuleCheck.Result atFloor = SchoolRuleCheck.of(values, standards, 6, 0.85);
        assertEquals(6, atFloor.meetsCount());
        assertTrue(atFloor.complies());
        values.put("R4", 3824.0 / 1000);
        SchoolRuleCheck.Result under = SchoolRuleCheck.of(values, standards, 6, 0.85);
        assertFalse(under.complies());
        assertEquals(List.of("R4"), under.belowFloor());
        // two indicators below standard (both above the floor): only 5 of 7 → fails
        values.put("R4", 4.4);
        values.put("R7", 2.2);
        SchoolRuleCheck.Result two = SchoolRuleCheck.of(values, standards, 6, 0.85);
        assertEquals(5, two.meetsCount());
        assertFalse(two.complies());
    }

    @Test
    void floorAlsoHoldsThroughTheStagePartArithmetic() {
        // a real report: 1000 primary students, 3825 m² → exactly 85 % of 4.5
        var parts = StagePart.of(school("1", "999902", "PRIMARY"),
                Report.of().students("PRIMARY", 1000).teachers("PRIMARY", 60, 42, 10, 5, 9, 30)
                        .facilities(3825, 7500, 2_000_000, 23, 100, 30_000).build(), ruleSet("QUALITY_2017"));
        SchoolRuleCheck.Result r = SchoolRuleCheck.of(parts.get(0).values(), ruleStandards(), 6, 0.85);
        assertEquals(6, r.meetsCount());
        assertTrue(r.complies());
    }

    @Test
    void levellingFindsTheLowestSufficientFloor() {
        // 100 students at 5, 300 at 1: CV 0.8660; raising the 300 to L: 0.4330(5 − L) / (1.25 + 0.75 L) = 0.5 → L = 1.9060
        Leveling.Plan plan = Leveling.toLimit(new double[] {100, 300}, new double[] {5, 1}, 1, 0.5, false);
        assertEquals(1.9060, plan.raiseTo(), 1e-3);
        assertTrue(Numbers.r4(plan.resultingCv()) <= 0.5);
        assertEquals(1, plan.needs().size());
        assertEquals(1, plan.needs().get(0).index());
        assertEquals(271.8, plan.needs().get(0).amount(), 0.3);
        var top = Leveling.contributions(new double[] {100, 300}, new double[] {5, 1}, 5);
        // variance shares: .25·(5 − 2)² = 2.25 and .75·(1 − 2)² = .75 of S² = 3
        assertEquals(0.75, top.get(0).share(), 1e-12);
        assertEquals(0.25, top.get(1).share(), 1e-12);
    }

    @Test
    void limitsCompareTheUnroundedCv() {
        // spec §4: "小于或等于0.50" is CV ≤ 0.50 exactly, whatever the four decimals shown
        assertTrue(Leveling.within(0.45, 0.45, false));
        assertFalse(Leveling.within(0.45004, 0.45, false));
        assertTrue(Leveling.within(0.44996, 0.45, false));
        assertFalse(Leveling.within(0.65, 0.65, true)); // BASIC: strictly below
        assertTrue(Leveling.within(0.64996, 0.65, true));
        assertFalse(Leveling.within(0.65004, 0.65, true));
    }

    private static Map<String, Double> ruleStandards() {
        Map<String, Double> standards = new java.util.LinkedHashMap<>();
        for (var ind : ruleSet("QUALITY_2017").resources().indicators()) {
            standards.put(ind.id(), ind.standards().get("PRIMARY"));
        }
        return standards;
    }
}
