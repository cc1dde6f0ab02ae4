package io.balance.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JurisdictionScopeTest {

    @Test
    void levelsFollowTheCodeShape() {
        assertEquals(JurisdictionScope.Level.PROVINCE, JurisdictionScope.levelOf("410000"));
        assertEquals(JurisdictionScope.Level.CITY, JurisdictionScope.levelOf("410300"));
        assertEquals(JurisdictionScope.Level.COUNTY, JurisdictionScope.levelOf("410329"));
        assertEquals(JurisdictionScope.Level.SCHOOL, JurisdictionScope.levelOf("1141032901"));
        assertThrows(IllegalArgumentException.class, () -> JurisdictionScope.levelOf("4103"));
    }

    @Test
    void provinceCoversItsCitiesAndCountiesOnly() {
        assertTrue(JurisdictionScope.covers("410000", "410329"));
        assertTrue(JurisdictionScope.covers("410000", "410300"));
        assertTrue(JurisdictionScope.covers("410000", "410000"));
        assertFalse(JurisdictionScope.covers("410000", "360881"));
    }

    @Test
    void cityAndCountyScopes() {
        assertTrue(JurisdictionScope.covers("410300", "410329"));
        assertFalse(JurisdictionScope.covers("410300", "410400"));
        assertFalse(JurisdictionScope.covers("410300", "410000"), "a city does not cover its province");
        assertTrue(JurisdictionScope.covers("410329", "410329"));
        assertFalse(JurisdictionScope.covers("410329", "410328"));
        assertFalse(JurisdictionScope.covers("410329", "410300"), "a county does not cover its city");
    }

    @Test
    void schoolsCoverOnlyThemselves() {
        assertTrue(JurisdictionScope.covers("1141032901", "1141032901"));
        assertFalse(JurisdictionScope.covers("1141032901", "410329"));
        assertFalse(JurisdictionScope.covers(null, "410329"));
    }

    @Test
    void onlyAHigherLevelStrictlyContainsACounty() {
        assertTrue(JurisdictionScope.strictlyContains("410300", "410329"), "its city");
        assertTrue(JurisdictionScope.strictlyContains("410000", "410329"), "its province");
        assertFalse(JurisdictionScope.strictlyContains("410329", "410329"), "the county itself");
        assertFalse(JurisdictionScope.strictlyContains("420000", "410329"), "another province");
        assertFalse(JurisdictionScope.strictlyContains(null, "410329"));
    }
}
