package io.balance.indicator.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-school rule of QUALITY_2017: at least {@code minimumMet} indicators reach the standard and every
 * remaining one reaches {@code floorRatio} of it (每所学校至少6项指标达到要求，余项不低于要求的85%).
 */
public final class SchoolRuleCheck {
    private SchoolRuleCheck() {
    }

    /**
     * @param failing    indicators below their standard
     * @param belowFloor indicators below floorRatio × standard
     */
    public record Result(int meetsCount, boolean complies, List<String> failing, List<String> belowFloor) {
    }

    /** @param values and standards keyed by indicator id, in rule-set order */
    public static Result of(Map<String, Double> values, Map<String, Double> standards, int minimumMet, double floorRatio) {
        int meets = 0;
        List<String> failing = new ArrayList<>();
        List<String> belowFloor = new ArrayList<>();
        for (var e : standards.entrySet()) {
            double value = values.getOrDefault(e.getKey(), 0.0);
            double standard = e.getValue();
            if (Numbers.atLeast(value, standard)) {
                meets++;
            } else {
                failing.add(e.getKey());
                if (!Numbers.atLeast(value, standard * floorRatio)) {
                    belowFloor.add(e.getKey());
                }
            }
        }
        return new Result(meets, meets >= minimumMet && belowFloor.isEmpty(), failing, belowFloor);
    }
}
