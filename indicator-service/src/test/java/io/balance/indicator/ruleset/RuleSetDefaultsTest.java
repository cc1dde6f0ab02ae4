package io.balance.indicator.ruleset;

import static io.balance.indicator.Fixtures.ruleSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetDefaultsTest {

    static RuleSet variant(RuleSet base, String code, String basedOn, String jurisdiction) {
        return new RuleSet(code, 1, code, basedOn, jurisdiction, base.kind(), base.stages(), base.exclusions(),
                base.apportioning(), base.resources(), base.assurance(), base.quality(), base.recognition(), base.vetoes(),
                base.classSizes(), base.scoring());
    }

    static Map<String, RuleSet> seeded() {
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        for (String code : new String[] {"BASIC_2012", "JIANGXI_QUALITY_2017", "QUALITY_2017"}) {
            sets.put(code, ruleSet(code));
        }
        return sets;
    }

    @Test
    void aJiangxiCountyDefaultsToTheJiangxiSetAndSaysWhy() {
        RuleSetChoice.Chosen c = RuleSetDefaults.choose(seeded(), "QUALITY_2017", "360102");
        assertEquals("JIANGXI_QUALITY_2017", c.rules().code());
        assertNull(c.choice().requested());
        assertEquals("JIANGXI_QUALITY_2017", c.choice().applied());
        assertTrue(c.choice().reason().contains("360000"), c.choice().reason());
        // a Henan county and the province of Jiangxi's neighbour keep the national set
        assertEquals("QUALITY_2017", RuleSetDefaults.choose(seeded(), "QUALITY_2017", "410329").rules().code());
        assertEquals("QUALITY_2017", RuleSetDefaults.choose(seeded(), "QUALITY_2017", "350102").rules().code());
        // a roll-up of the province itself
        assertEquals("JIANGXI_QUALITY_2017", RuleSetDefaults.choose(seeded(), "QUALITY_2017", "360000").rules().code());
    }

    @Test
    void aCitySetBeatsItsProvinceAndOnlyQualityDerivedSetsAreDefaults() {
        Map<String, RuleSet> sets = seeded();
        RuleSet jiangxi = sets.get("JIANGXI_QUALITY_2017");
        sets.put("JIAN_CITY", variant(jiangxi, "JIAN_CITY", "JIANGXI_QUALITY_2017", "360800"));
        // a provincial BASIC variant is more specific than the national set but not derived from QUALITY_2017
        sets.put("JIANGXI_BASIC", variant(sets.get("BASIC_2012"), "JIANGXI_BASIC", "BASIC_2012", "360000"));
        assertEquals("JIAN_CITY", RuleSetDefaults.choose(sets, "QUALITY_2017", "360881").rules().code());
        assertEquals("JIANGXI_QUALITY_2017", RuleSetDefaults.choose(sets, "QUALITY_2017", "360102").rules().code());
        sets.remove("JIANGXI_QUALITY_2017");
        sets.remove("JIAN_CITY");
        assertEquals("QUALITY_2017", RuleSetDefaults.choose(sets, "QUALITY_2017", "360102").rules().code());
    }
}
