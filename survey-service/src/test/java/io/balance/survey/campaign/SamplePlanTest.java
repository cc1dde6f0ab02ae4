package io.balance.survey.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.survey.common.Validation;
import io.balance.contracts.Location;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sample-plan arithmetic, computed by hand from evaluation-standards.md §5. */
class SamplePlanTest {
    private static final SampleRules R = SampleRules.DEFAULT;

    @Test
    void smallCountiesGetSixHundredAndTheBoundaryIsExact() {
        assertEquals(600, SamplePlan.requiredTotal(1, R));
        assertEquals(600, SamplePlan.requiredTotal(250_000, R));
        assertEquals(600, SamplePlan.requiredTotal(399_999, R)); // under 400 000: fixed 600 (not 599.9985)
        assertEquals(600, SamplePlan.requiredTotal(400_000, R)); // 400 000 × 1.5 ‰ = 600 exactly
        assertEquals(601, SamplePlan.requiredTotal(400_001, R)); // 600.0015: a minimum, so rounded up
    }

    @Test
    void largeCountiesRoundUp() {
        assertEquals(1500, SamplePlan.requiredTotal(1_000_000, R));
        assertEquals(1501, SamplePlan.requiredTotal(1_000_001, R)); // 1500.0015
        assertEquals(1501, SamplePlan.requiredTotal(1_000_333, R)); // 1500.4995
        assertEquals(1501, SamplePlan.requiredTotal(1_000_666, R)); // 1500.999
        assertEquals(1235, SamplePlan.requiredTotal(823_000, R)); // 1234.5
        assertEquals(750, SamplePlan.requiredTotal(500_000, R));
    }

    @Test
    void parentsAtLeastHalfAndTheOthersExactlyEqual() {
        Map<Group, Integer> six = SamplePlan.splitGroups(600, R);
        assertEquals(300, six.get(Group.PARENT));
        for (Group g : Group.values()) {
            if (g != Group.PARENT) {
                assertEquals(50, six.get(g), g.name());
            }
        }
        // 601: parents ceil(300.5) = 301, the other 300 split 6 × 50
        Map<Group, Integer> odd = SamplePlan.splitGroups(601, R);
        assertEquals(301, odd.get(Group.PARENT));
        assertEquals(50, odd.get(Group.TEACHER));
        // 1235: parents at least 618; 617 / 6 = 102 each (612), the remaining 5 go to parents → 623
        Map<Group, Integer> big = SamplePlan.splitGroups(1235, R);
        assertEquals(623, big.get(Group.PARENT));
        assertEquals(102, big.get(Group.CPPCC_MEMBER));
        for (int total : new int[] {600, 601, 750, 1235, 1501, 45_000}) {
            Map<Group, Integer> split = SamplePlan.splitGroups(total, R);
            assertEquals(total, split.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(split.get(Group.PARENT) * 2 >= total);
        }
    }

    @Test
    void locationsInProportionByLargestRemainder() {
        // 600 plan: school-bound groups are students 50 + parents 300 + teachers 50 + principals 50 = 450
        SamplePlan plan = SamplePlan.compute(300_000, Map.of(Location.URBAN, 1L, Location.TOWN, 1L,
                Location.RURAL, 2L), "SCHOOLS", R);
        assertEquals(450, plan.schoolBoundTotal());
        assertEquals(Map.of(Location.URBAN, 113, Location.TOWN, 112, Location.RURAL, 225), plan.byLocation());
        // thirds of 100: 33.33 each, the one left goes to the first in order
        assertEquals(Map.of(Location.URBAN, 34, Location.TOWN, 33, Location.RURAL, 33),
                SamplePlan.apportion(100, Map.of(Location.URBAN, 5L, Location.TOWN, 5L, Location.RURAL, 5L)));
        // population shares 120 000 / 80 000 / 200 000 of 450 → 135 / 90 / 225
        assertEquals(Map.of(Location.URBAN, 135, Location.TOWN, 90, Location.RURAL, 225),
                SamplePlan.apportion(450, Map.of(Location.URBAN, 120_000L, Location.TOWN, 80_000L,
                        Location.RURAL, 200_000L)));
        assertTrue(SamplePlan.apportion(450, Map.of()).isEmpty());
    }

    @Test
    void adjustedPlansAreValidated() {
        SamplePlan ok = SamplePlan.compute(300_000, Map.of(Location.URBAN, 1L), "SCHOOLS", R);
        Validation v = new Validation();
        SamplePlan.validate(ok, 600, 300_000, R, v);
        assertTrue(v.ok());

        Map<Group, Integer> fewParents = new EnumMap<>(ok.byGroup());
        fewParents.put(Group.PARENT, 299);
        fewParents.put(Group.PUBLIC, 51);
        Validation v2 = new Validation();
        SamplePlan.validate(new SamplePlan(600, fewParents, Map.of(), "ADJUSTED"), 600, 300_000, R, v2);
        assertFalse(v2.ok());
        assertEquals("byGroup.PARENT", fieldOf(v2));

        Map<Group, Integer> badSum = new EnumMap<>(ok.byGroup());
        badSum.put(Group.PUBLIC, 60);
        Validation v3 = new Validation();
        SamplePlan.validate(new SamplePlan(600, badSum, Map.of(), "ADJUSTED"), 600, 300_000, R, v3);
        assertEquals("byGroup", fieldOf(v3));

        Validation v4 = new Validation();
        SamplePlan.validate(new SamplePlan(500, SamplePlan.splitGroups(500, R), Map.of(), "ADJUSTED"), 600, 300_000, R, v4);
        assertEquals("total", fieldOf(v4));

        Validation v5 = new Validation();
        SamplePlan.validate(new SamplePlan(600, ok.byGroup(), Map.of(Location.URBAN, 400), "ADJUSTED"), 600, 300_000, R, v5);
        assertEquals("byLocation", fieldOf(v5));
    }

    @Test
    void countsNearTheIntegerLimitDoNotOverflow() {
        // issue 13: PARENT = 2^31 − 1 with the other groups negative summed to the total 600 in int arithmetic
        Map<Group, Integer> wrap = new EnumMap<>(Group.class);
        wrap.put(Group.PARENT, Integer.MAX_VALUE);
        wrap.put(Group.STUDENT, Integer.MIN_VALUE + 600);
        wrap.put(Group.TEACHER, 0);
        wrap.put(Group.PRINCIPAL, 0);
        wrap.put(Group.NPC_DEPUTY, 0);
        wrap.put(Group.CPPCC_MEMBER, 0);
        wrap.put(Group.PUBLIC, 1);
        Validation v = new Validation();
        SamplePlan.validate(new SamplePlan(600, wrap, Map.of(), "ADJUSTED"), 600, 300_000, R, v);
        assertEquals(List.of("byGroup.STUDENT", "byGroup.PARENT"), fields(v));

        // every count within the total, but seven of them near the limit: the long sum still sees the mismatch
        Map<Group, Integer> big = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            big.put(g, Integer.MAX_VALUE / 4);
        }
        Validation v2 = new Validation();
        SamplePlan.validate(new SamplePlan(Integer.MAX_VALUE, big, Map.of(), "ADJUSTED"), 600, Long.MAX_VALUE, R, v2);
        assertEquals(List.of("byGroup", "byGroup.PARENT"), fields(v2)); // 7 × 536,870,911 ≠ 2^31 − 1; parents < half

        // the total itself is bounded by the resident population
        Validation v3 = new Validation();
        SamplePlan.validate(new SamplePlan(300_001, SamplePlan.splitGroups(300_001, R), Map.of(), "ADJUSTED"), 600,
                300_000, R, v3);
        assertEquals(List.of("total"), fields(v3));

        // locations: each within the total, summing to the school-bound groups without wrapping
        SamplePlan ok = SamplePlan.compute(300_000, Map.of(Location.URBAN, 1L), "SCHOOLS", R);
        Validation v4 = new Validation();
        SamplePlan.validate(new SamplePlan(600, ok.byGroup(), Map.of(Location.URBAN, Integer.MAX_VALUE,
                Location.RURAL, Integer.MIN_VALUE + 450), "ADJUSTED"), 600, 300_000, R, v4);
        // (the plan's locations are a Map.of: their order, and so the errors', is not fixed)
        assertEquals(List.of("byLocation.RURAL", "byLocation.URBAN"), fields(v4).stream().sorted().toList());
    }

    private static List<String> fields(Validation v) {
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (ProblemException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private static String fieldOf(Validation v) {
        try {
            v.throwIfInvalid();
            return null;
        } catch (ProblemException e) {
            return e.errors().get(0).field();
        }
    }
}
