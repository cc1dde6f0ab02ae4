package io.balance.indicator.evaluation;

import static io.balance.indicator.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.indicator.Fixtures;
import io.balance.indicator.calc.FundingGrowth;
import io.balance.indicator.calc.FundingGrowth.YearResult;
import io.balance.indicator.finding.Funding;
import io.balance.indicator.ruleset.CheckType;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetDerivation;
import io.balance.indicator.ruleset.RuleSetValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 三个增长 and 两个只增不减, year against year, hand-computed at both sides of each threshold. The base year:
 * appropriation 100,000,000 yuan, recurrent revenue 500,000,000, 20,000 pupils (5,000 yuan each), staff pay
 * 80,000, public funds per pupil 720 / 920, general-budget education 300,000,000 over 50,000 students (6,000 each).
 */
class FundingGrowthTest {
    static final Funding BASE = new Funding(100_000_000.0, 500_000_000.0, 20_000, 80_000.0, 720.0, 920.0, 300_000_000.0, 50_000);

    /** +10 % appropriation against +8 % revenue, same pupils, everything else 1 yuan more. */
    static final Funding GROWN = new Funding(110_000_000.0, 540_000_000.0, 20_000, 80_001.0, 721.0, 921.0, 300_000_000.0, 50_000);

    static Funding with(Funding f, Double appropriation, Double revenue, Integer pupils) {
        return new Funding(appropriation, revenue, pupils, f.staffAveragePayYuan(), f.publicFundsPerPupilPrimaryYuan(),
                f.publicFundsPerPupilJuniorYuan(), f.generalBudgetEducationYuan(), f.students());
    }

    @Test
    void threeGrowthsMetWhenEveryPartGrows() {
        YearResult r = FundingGrowth.threeGrowths(2025, GROWN, BASE);
        assertEquals(Boolean.TRUE, r.met(), r.toString());
        assertTrue(r.detail().contains("义务教育财政拨款增长 10.00 % vs 财政经常性收入增长 8.00 %"), r.detail());
        assertTrue(r.detail().contains("生均义务教育拨款 5000.00 → 5500.00 元"), r.detail());
    }

    @Test
    void appropriationMustGrowFasterThanRevenueNotEqually() {
        // revenue +10 % exactly like the appropriation: 高于 is missed
        YearResult equal = FundingGrowth.threeGrowths(2025, with(GROWN, 110_000_000.0, 550_000_000.0, 20_000), BASE);
        assertEquals(Boolean.FALSE, equal.met());
        assertEquals(List.of("appropriation growth not above recurrent revenue growth"), equal.missed());
        // one yuan more appropriation: 10.000001 % > 10 %
        YearResult above = FundingGrowth.threeGrowths(2025, with(GROWN, 110_000_001.0, 550_000_000.0, 20_000), BASE);
        assertEquals(Boolean.TRUE, above.met(), above.toString());
        // revenue one yuan less than +10 %: the appropriation's 10 % is above 9.9999998 %
        assertEquals(Boolean.TRUE, FundingGrowth.threeGrowths(2025, with(GROWN, 110_000_000.0, 549_999_999.0, 20_000), BASE).met());
    }

    @Test
    void appropriationPerPupilMustGrow() {
        // 2,000 more pupils: 110,000,000 / 22,000 = 5,000, as before → no growth
        YearResult flat = FundingGrowth.threeGrowths(2025, with(GROWN, 110_000_000.0, 540_000_000.0, 22_000), BASE);
        assertEquals(List.of("appropriation per pupil did not grow"), flat.missed());
        // 21,999 pupils: 5,000.23 > 5,000
        assertEquals(Boolean.TRUE, FundingGrowth.threeGrowths(2025, with(GROWN, 110_000_000.0, 540_000_000.0, 21_999), BASE).met());
    }

    @Test
    void payAndPublicFundsPerPupilMustGrowUnchangedIsNoGrowth() {
        Funding samePay = new Funding(110_000_000.0, 540_000_000.0, 20_000, 80_000.0, 721.0, 921.0, null, null);
        assertEquals(List.of("staff average pay did not grow"), FundingGrowth.threeGrowths(2025, samePay, BASE).missed());
        Funding juniorDown = new Funding(110_000_000.0, 540_000_000.0, 20_000, 80_001.0, 721.0, 919.0, null, null);
        assertEquals(List.of("junior public funds per pupil did not grow"), FundingGrowth.threeGrowths(2025, juniorDown, BASE).missed());
        Funding primarySame = new Funding(110_000_000.0, 540_000_000.0, 20_000, 80_001.0, 720.0, 921.0, null, null);
        assertEquals(List.of("primary public funds per pupil did not grow"),
                FundingGrowth.threeGrowths(2025, primarySame, BASE).missed());
    }

    @Test
    void missingFiguresNameTheYearAndAMissDecidesAnyway() {
        YearResult noPrevious = FundingGrowth.threeGrowths(2025, GROWN, null);
        assertNull(noPrevious.met());
        assertEquals(List.of("funding.2024"), noPrevious.missing());
        Funding noPay = new Funding(110_000_000.0, 540_000_000.0, 20_000, null, 721.0, 921.0, null, null);
        YearResult partial = FundingGrowth.threeGrowths(2025, noPay, BASE);
        assertNull(partial.met());
        assertEquals(List.of("funding.2025.staffAveragePayYuan"), partial.missing());
        // a part missed is decisive for the year even with another figure missing
        Funding missedAndMissing = new Funding(110_000_000.0, 550_000_000.0, 20_000, null, 721.0, 921.0, null, null);
        YearResult decided = FundingGrowth.threeGrowths(2025, missedAndMissing, BASE);
        assertEquals(Boolean.FALSE, decided.met());
    }

    @Test
    void twoNoDecreaseAllowsEqualButNotOneYuanLess() {
        assertEquals(Boolean.TRUE, FundingGrowth.twoNoDecrease(2025, GROWN, BASE).met()); // 300,000,000 both years
        Funding oneYuanLess = new Funding(null, null, null, null, null, null, 299_999_999.0, 50_000);
        YearResult down = FundingGrowth.twoNoDecrease(2025, oneYuanLess, BASE);
        assertEquals(Boolean.FALSE, down.met());
        // 299,999,999 / 50,000 = 5,999.99998 < 6,000: both parts missed
        assertEquals(List.of("general-budget education expenditure decreased",
                "general-budget education expenditure per student decreased"), down.missed());
        // the same total over one student more: 5,999.88 per student < 6,000
        Funding moreStudents = new Funding(null, null, null, null, null, null, 300_000_000.0, 50_001);
        assertEquals(List.of("general-budget education expenditure per student decreased"),
                FundingGrowth.twoNoDecrease(2025, moreStudents, BASE).missed());
        // one student fewer with one yuan less: 299,999,999 / 49,999 = 6,000.10 ≥ 6,000, but the total decreased
        Funding fewer = new Funding(null, null, null, null, null, null, 299_999_999.0, 49_999);
        assertEquals(List.of("general-budget education expenditure decreased"), FundingGrowth.twoNoDecrease(2025, fewer, BASE).missed());
        Funding noStudents = new Funding(null, null, null, null, null, null, 300_000_000.0, null);
        YearResult incomplete = FundingGrowth.twoNoDecrease(2025, noStudents, BASE);
        assertNull(incomplete.met());
        assertEquals(List.of("funding.2025.students"), incomplete.missing());
    }

    // ---- the BASIC_2012 veto: 三个增长近三年中有两年存在不达标情况 ----

    static final Funding MISSED = with(GROWN, 110_000_000.0, 550_000_000.0, 20_000); // equal growth rates

    /** Funding of 2022–2025: 2022 is {@link #BASE}, the later years as given (each compared with the year before). */
    static Map<Integer, Funding> years(Funding y2023, Funding y2024, Funding y2025) {
        Map<Integer, Funding> m = new java.util.HashMap<>();
        m.put(2022, BASE);
        if (y2023 != null) {
            m.put(2023, y2023);
        }
        if (y2024 != null) {
            m.put(2024, y2024);
        }
        if (y2025 != null) {
            m.put(2025, y2025);
        }
        return m;
    }

    static CountyInputs inputs(Map<Integer, Funding> funding) {
        return new CountyInputs("410329", "伊川县", 2025, List.of(), List.of(), EvaluatorTest.completeFindings(false),
                null, 1, funding);
    }

    static Evaluation vetoes(Map<Integer, Funding> funding) {
        return Evaluator.evaluate(inputs(funding), ruleSet("BASIC_2012"));
    }

    static Evaluation.Check veto(Evaluation e) {
        return e.parts().get("vetoes").checks().get(0);
    }

    @Test
    void basicVersion3ComputesTheThreeGrowthsVeto() {
        RuleSet basic = ruleSet("BASIC_2012");
        assertEquals(3, basic.version());
        assertFalse(basic.vetoes().contains("THREE_GROWTHS_MISSED"));
        assertEquals(CheckType.THREE_GROWTHS, basic.vetoChecks().get(0).type());
        assertEquals(Map.of("years", 3, "maxMissedYears", 1), basic.vetoChecks().get(0).params());
        assertEquals(List.of(), RuleSetValidator.validate(basic));
    }

    @Test
    void twoOfThreeYearsMissedFailsTheCounty() {
        // 2023 grown from 2022; 2024 = 2023's figures again (nothing grew); 2025 grown from 2024 with equal rates
        Funding y2023 = GROWN;
        Funding y2024 = GROWN;
        Funding y2025 = new Funding(121_000_000.0, 594_000_000.0, 20_000, 80_002.0, 722.0, 922.0, null, null); // +10 % both
        Map<Integer, Funding> funding = years(y2023, y2024, y2025);
        Evaluation e = vetoes(funding);
        Evaluation.Check c = veto(e);
        assertEquals("FAIL", c.status(), c.toString());
        assertEquals(List.of("PASS", "FAIL", "FAIL"), c.years().stream().map(Evaluation.YearOutcome::status).toList());
        assertEquals(List.of(2023, 2024, 2025), c.years().stream().map(Evaluation.YearOutcome::year).toList());
        assertEquals(List.of("THREE_GROWTHS_MISSED"), e.parts().get("vetoes").failing());
        assertEquals("FAIL", e.verdict());
        assertTrue(e.failingParts().contains("vetoes"));
        // the published details name the computed veto once, with its years, not as "not declared"
        var details = EvaluationDetails.of(e, inputs(funding), ruleSet("BASIC_2012")).checks().stream()
                .filter(d -> "vetoes".equals(d.part())).toList();
        assertEquals(List.of("THREE_GROWTHS_MISSED"), details.stream().map(d -> d.id()).toList());
        assertEquals("FAIL", details.get(0).status());
        assertTrue(details.get(0).detail().startsWith("2 of 3 years to 2025 missed (at most 1 may): 2024"), details.get(0).detail());
    }

    @Test
    void oneYearMissedOfThreeIsNoVeto() {
        // 2025 grown 1 yuan above +10 % appropriation against +10 % revenue: met; only 2024 missed
        Funding y2025 = new Funding(121_000_001.0, 594_000_000.0, 20_000, 80_002.0, 722.0, 922.0, null, null);
        Evaluation.Check c = veto(vetoes(years(GROWN, GROWN, y2025)));
        assertEquals("PASS", c.status(), c.toString());
        assertEquals(List.of("PASS", "FAIL", "PASS"), c.years().stream().map(Evaluation.YearOutcome::status).toList());
        assertEquals("PASS", vetoes(years(GROWN, GROWN, y2025)).parts().get("vetoes").status());
    }

    @Test
    void missingYearsAreIncompleteUntilTheyCannotDecide() {
        Funding y2024 = new Funding(121_000_000.0, 583_200_000.0, 20_000, 80_002.0, 722.0, 922.0, null, null); // +10 % vs +8 %
        Funding y2025 = new Funding(133_100_000.0, 629_856_000.0, 20_000, 80_003.0, 723.0, 923.0, null, null); // +10 % vs +8 %
        // 2022 absent: 2023 cannot be judged, but 2024 and 2025 met → the veto cannot apply
        Map<Integer, Funding> no2022 = years(GROWN, y2024, y2025);
        no2022.remove(2022);
        Evaluation.Check decided = veto(vetoes(no2022));
        assertEquals("PASS", decided.status(), decided.toString());
        assertTrue(decided.detail().contains("2 of 3 years to 2025 met, 0 missed, 1 without figures cannot change it"), decided.detail());
        // 2022 absent and 2025 missed (equal growth): 2023 decides → INCOMPLETE naming the year
        Funding y2025missed = new Funding(133_100_000.0, 641_520_000.0, 20_000, 80_003.0, 723.0, 923.0, null, null);
        Map<Integer, Funding> open = years(GROWN, y2024, y2025missed);
        open.remove(2022);
        Evaluation e = vetoes(open);
        Evaluation.Check c = veto(e);
        assertEquals("INCOMPLETE", c.status(), c.toString());
        assertEquals(List.of("funding.2022"), c.missing());
        assertTrue(e.parts().get("vetoes").missing().contains("funding.2022"));
        assertTrue(e.missingInputs().contains("funding.2022"));
        assertEquals(List.of("INCOMPLETE"), EvaluationDetails.of(e, inputs(open), ruleSet("BASIC_2012")).checks().stream()
                .filter(d -> "vetoes".equals(d.part())).map(d -> d.status()).toList());
        // nothing recorded: never PASS on nothing
        Evaluation.Check none = veto(vetoes(Map.of()));
        assertEquals("INCOMPLETE", none.status());
        assertEquals(List.of("funding.2022", "funding.2023", "funding.2024", "funding.2025"), none.missing());
    }

    @Test
    void aYearAgainstThePreviousAsAVariantsAssuranceCheck() {
        RuleSet.Check check = new RuleSet.Check("L5", "两个只增不减", CheckType.TWO_NO_DECREASE, Map.of(), null);
        Funding flat = new Funding(null, null, null, null, null, null, 300_000_000.0, 50_000);
        Funding down = new Funding(null, null, null, null, null, null, 299_999_999.0, 50_000);
        RuleSet q = ruleSet("QUALITY_2017");
        assertEquals("PASS", Checks.evaluate(check, List.of(), List.of(), null, q, 2025, Map.of(2024, BASE, 2025, flat)).status());
        Evaluation.Check fail = Checks.evaluate(check, List.of(), List.of(), null, q, 2025, Map.of(2024, BASE, 2025, down));
        assertEquals("FAIL", fail.status());
        assertTrue(fail.detail().contains("300000000 → 299999999"), fail.detail());
        Evaluation.Check missing = Checks.evaluate(check, List.of(), List.of(), null, q, 2025, Map.of(2025, flat));
        assertEquals("INCOMPLETE", missing.status());
        assertEquals(List.of("funding.2024"), missing.missing());
    }

    @Test
    void aVariantSwitchesOnTwoNoDecreaseByAPatch() throws Exception {
        var patch = Fixtures.JSON.readTree("""
                {"assurance": [{"id": "L5", "name": "一般公共预算教育支出及生均支出只增不减", "type": "TWO_NO_DECREASE"}]}""");
        RuleSet variant = Fixtures.JSON.treeToValue(RuleSetDerivation.derive(Fixtures.JSON.valueToTree(ruleSet("QUALITY_2017")),
                patch, "NINGXIA_QUALITY", 1, "宁夏 (两个只增不减)", "QUALITY_2017", "640000"), RuleSet.class);
        assertEquals(List.of(), RuleSetValidator.validate(variant));
        Funding down = new Funding(null, null, null, null, null, null, 299_999_999.0, 50_000);
        CountyInputs in = new CountyInputs("640302", "利通区", 2025, List.of(), List.of(), EvaluatorTest.completeFindings(false),
                null, 1, Map.of(2024, BASE, 2025, down));
        Evaluation.Part assurance = Evaluator.evaluate(in, variant).parts().get("assurance");
        Evaluation.Check l5 = assurance.checks().stream().filter(c -> c.id().equals("L5")).findFirst().orElseThrow();
        assertEquals("FAIL", l5.status());
        assertEquals("FAIL", assurance.status());
        assertEquals(List.of(2025), l5.years().stream().map(Evaluation.YearOutcome::year).toList());
    }

    @Test
    void growthParametersAreValidated() {
        RuleSet basic = ruleSet("BASIC_2012");
        RuleSet.Check nothing = new RuleSet.Check("X", "x", CheckType.THREE_GROWTHS, Map.of("years", 2, "maxMissedYears", 2), null);
        RuleSet.Check tooLong = new RuleSet.Check("Y", "y", CheckType.TWO_NO_DECREASE, Map.of("years", 6), null);
        RuleSet.Check twice = new RuleSet.Check("FALSIFIED_DATA", "z", CheckType.TWO_NO_DECREASE, Map.of(), null);
        RuleSet bad = new RuleSet(basic.code(), 3, basic.name(), null, null, basic.kind(), basic.stages(), basic.exclusions(),
                basic.apportioning(), basic.resources(), basic.assurance(), basic.quality(), basic.recognition(),
                basic.vetoes(), basic.classSizes(), basic.scoring(), List.of(nothing, tooLong, twice));
        List<String> fields = RuleSetValidator.validate(bad).stream().map(io.balance.kit.problem.FieldError::field).toList();
        assertEquals(List.of("vetoChecks[0].params.maxMissedYears", "vetoChecks[1].params.years", "vetoChecks[2].id"), fields);
    }
}
