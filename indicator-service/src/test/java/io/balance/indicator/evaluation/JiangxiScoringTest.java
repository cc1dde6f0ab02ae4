package io.balance.indicator.evaluation;

import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.school;
import static io.balance.indicator.evaluation.EvaluatorTest.completeFindings;
import static io.balance.indicator.evaluation.EvaluatorTest.goodPrimary;
import static io.balance.indicator.evaluation.EvaluatorTest.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.AnnualReportV1.SpecialRoom;
import io.balance.indicator.finding.Findings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** JIANGXI_QUALITY_2017 v2: A checks must pass, B checks earn points, a part passes at 90 of 100. */
class JiangxiScoringTest {
    static final String COUNTY = "360102";
    static final SpecialRoom[] PRIMARY_ROOMS = {SpecialRoom.MUSIC_EQUIPMENT, SpecialRoom.PE_EQUIPMENT,
        SpecialRoom.ART_EQUIPMENT, SpecialRoom.SCIENCE, SpecialRoom.COMPUTER, SpecialRoom.MULTIMEDIA, SpecialRoom.LIBRARY};

    static List<CountyInputs.ApprovedReport> county(SpecialRoom... rooms) {
        return List.of(goodPrimary(1000, 1.0).specialRooms(rooms).approved(school("3601020001", COUNTY, "PRIMARY")),
                goodPrimary(800, 1.2).specialRooms(PRIMARY_ROOMS).approved(school("3601020002", COUNTY, "PRIMARY")));
    }

    static Findings findings(Consumer<Map<String, Double>> figures, String... unrecorded) {
        Findings f = completeFindings(false);
        Map<String, Double> changed = new LinkedHashMap<>(f.figures());
        figures.accept(changed);
        Map<String, Findings.Finding> recorded = new LinkedHashMap<>(f.findings());
        for (String key : unrecorded) {
            recorded.remove(key);
        }
        return new Findings(recorded, changed, f.retention(), f.monitoring(), f.vetoes(), f.evidence());
    }

    static Evaluation.Part assurance(List<CountyInputs.ApprovedReport> reports, Findings f) {
        Evaluation e = Evaluator.evaluate(new CountyInputs(COUNTY, "县", 2025, reports, List.of(), f, survey(0.91), 1),
                ruleSet("JIANGXI_QUALITY_2017"));
        return e.parts().get("assurance");
    }

    @Test
    void everythingMetScoresTheFullHundred() {
        Evaluation.Part a = assurance(county(PRIMARY_ROOMS), findings(x -> { }));
        assertEquals("PASS", a.status(), a.failing() + " " + a.missing());
        assertEquals(new Evaluation.Score(100, 0, 100, 90, List.of()), a.score());
        assertEquals("A", a.checks().stream().filter(c -> c.id().equals("G5")).findFirst().orElseThrow().category());
        assertEquals("B", a.checks().stream().filter(c -> c.id().equals("G13")).findFirst().orElseThrow().category());
    }

    @Test
    void oneScoredCheckFailedLeavesNinetyWhichPassesTwoLeaveEightyWhichFails() {
        // G13: junior zoned enrolment 0.94 < 0.95 → 10 points lost: 90 ≥ 90
        Evaluation.Part ninety = assurance(county(PRIMARY_ROOMS), findings(x -> x.put("zonedEnrolmentJuniorRate", 0.94)));
        assertEquals("PASS", ninety.status());
        assertEquals(90.0, ninety.score().points());
        // and G14: quota 0.49 < 0.5 → 80 < 90
        Evaluation.Part eighty = assurance(county(PRIMARY_ROOMS), findings(x -> {
            x.put("zonedEnrolmentJuniorRate", 0.94);
            x.put("highSchoolQuotaShare", 0.49);
        }));
        assertEquals("FAIL", eighty.status());
        assertEquals(80.0, eighty.score().points());
        assertTrue(eighty.failing().get(0).startsWith("score 80.0 of 100.0 below 90.0"), eighty.failing().toString());
    }

    @Test
    void aMustPassCheckFailsThePartWhateverTheScore() {
        // school 0001 lacks its library: JX2 (A) fails although every B check passes
        SpecialRoom[] sixRooms = java.util.Arrays.copyOf(PRIMARY_ROOMS, 6);
        Evaluation.Part a = assurance(county(sixRooms), findings(x -> { }));
        assertEquals("FAIL", a.status());
        assertEquals(100.0, a.score().points());
        assertEquals(List.of("JX2"), a.score().mustPassFailing());
        var jx2 = a.checks().stream().filter(c -> c.id().equals("JX2")).findFirst().orElseThrow();
        assertEquals(Map.of("specialRooms", 1.0), jx2.schools().get(0).needs());
        // special rooms not reported: the A check and so the part are INCOMPLETE, never passed
        Evaluation.Part unreported = assurance(List.of(goodPrimary(1000, 1.0).approved(school("3601020001", COUNTY, "PRIMARY"))),
                findings(x -> { }));
        assertEquals("INCOMPLETE", unreported.status());
        assertTrue(unreported.missing().contains("reports.3601020001.facilities.specialRooms"));
    }

    @Test
    void pendingScoredChecksDecideOnlyWhenTheyCould() {
        // G1 unrecorded: 90 earned already → PASS; G1 and G2 unrecorded: 80 earned + 20 pending → INCOMPLETE
        Evaluation.Part one = assurance(county(PRIMARY_ROOMS), findings(x -> { }, "G1"));
        assertEquals("PASS", one.status());
        assertEquals(new Evaluation.Score(90, 10, 100, 90, List.of()), one.score());
        Evaluation.Part two = assurance(county(PRIMARY_ROOMS), findings(x -> { }, "G1", "G2.construction"));
        assertEquals("INCOMPLETE", two.status());
        assertTrue(two.missing().contains("findings.G1"));
        // G1 and G2 unrecorded and G13 failed: at most 90 → still INCOMPLETE; with G14 failed too: at most 80 → FAIL
        Evaluation.Part couldReach = assurance(county(PRIMARY_ROOMS),
                findings(x -> x.put("zonedEnrolmentJuniorRate", 0.94), "G1", "G2.construction"));
        assertEquals("INCOMPLETE", couldReach.status());
        Evaluation.Part cannot = assurance(county(PRIMARY_ROOMS), findings(x -> {
            x.put("zonedEnrolmentJuniorRate", 0.94);
            x.put("highSchoolQuotaShare", 0.49);
        }, "G1"));
        assertEquals("FAIL", cannot.status());
    }
}
