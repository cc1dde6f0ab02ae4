package io.balance.indicator.ruleset;

import static io.balance.indicator.Fixtures.JSON;
import static io.balance.indicator.Fixtures.jiangxiV1;
import static io.balance.indicator.Fixtures.ruleSet;
import static io.balance.indicator.Fixtures.v2Copy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetDerivationTest {

    @Test
    void theJiangxiPatchDerivesExactlyTheFormerCopy() {
        // V2_1 replaced the 240-line copy by its three changes: the derived set must be the same document,
        // so no evaluation under JIANGXI_QUALITY_2017 v1 changes
        assertEquals(JSON.valueToTree(v2Copy("JIANGXI_QUALITY_2017")), JSON.valueToTree(jiangxiV1()));
        assertEquals(v2Copy("JIANGXI_QUALITY_2017"), jiangxiV1());
    }

    @Test
    void theDerivedSetsPassValidation() {
        assertEquals(List.of(), RuleSetValidator.validate(jiangxiV1()));
        assertEquals(List.of(), RuleSetValidator.validate(ruleSet("JIANGXI_QUALITY_2017")));
    }

    @Test
    void version2ClassifiesChecksAsMustPassOrScored() {
        RuleSet v2 = ruleSet("JIANGXI_QUALITY_2017");
        assertEquals(2, v2.version());
        assertEquals(90.0, v2.scoring().get("assurance").minimumScore());
        double assurance = v2.assurance().stream().filter(RuleSet.Check::scored).mapToDouble(RuleSet.Check::points).sum();
        double quality = v2.quality().stream().filter(RuleSet.Check::scored).mapToDouble(RuleSet.Check::points).sum();
        assertEquals(100.0, assurance);
        assertEquals(100.0, quality);
        List<String> mustPass = v2.assurance().stream().filter(c -> !c.scored()).map(RuleSet.Check::id).toList();
        assertEquals(List.of("G3", "G4", "G5", "G6", "G7", "JX1", "JX2"), mustPass);
        assertEquals(List.of("Q1", "Q2", "Q4"), v2.quality().stream().filter(c -> !c.scored()).map(RuleSet.Check::id).toList());
        assertEquals(CheckType.SPECIAL_ROOMS, v2.assurance().get(16).type());
        // the national set is not scored
        assertEquals(null, ruleSet("QUALITY_2017").scoring());
    }

    @Test
    void pointsOutsideAScoredPartAndAnUnreachableMinimumAreRefused() {
        RuleSet q = ruleSet("QUALITY_2017");
        List<RuleSet.Check> assurance = new java.util.ArrayList<>(q.assurance());
        RuleSet.Check g1 = assurance.get(0);
        assurance.set(0, new RuleSet.Check(g1.id(), g1.name(), g1.type(), g1.params(), 10.0));
        RuleSet unscored = new RuleSet(q.code(), 1, q.name(), null, null, q.kind(), q.stages(), q.exclusions(),
                q.apportioning(), q.resources(), assurance, q.quality(), q.recognition(), q.vetoes(), q.classSizes(), null);
        assertEquals("assurance[0].points", RuleSetValidator.validate(unscored).get(0).field());
        RuleSet unreachable = new RuleSet(q.code(), 1, q.name(), null, null, q.kind(), q.stages(), q.exclusions(),
                q.apportioning(), q.resources(), assurance, q.quality(), q.recognition(), q.vetoes(), q.classSizes(),
                java.util.Map.of("assurance", new RuleSet.Scoring(10.01)));
        assertEquals("scoring.assurance.minimumScore", RuleSetValidator.validate(unreachable).get(0).field());
        RuleSet reachable = new RuleSet(q.code(), 1, q.name(), null, null, q.kind(), q.stages(), q.exclusions(),
                q.apportioning(), q.resources(), assurance, q.quality(), q.recognition(), q.vetoes(), q.classSizes(),
                java.util.Map.of("assurance", new RuleSet.Scoring(10.0)));
        assertEquals(List.of(), RuleSetValidator.validate(reachable));
    }
}
