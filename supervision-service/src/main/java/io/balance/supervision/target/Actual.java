package io.balance.supervision.target;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a year's evaluation shows for one target. A share keeps its numerator and denominator so that it is
 * compared exactly (19 of 20 schools is 95 %, not 0.9499999); {@code verdict} is set for VERDICT only.
 */
public record Actual(BigDecimal numerator, BigDecimal denominator, String verdict) {

    public static final Actual NONE = new Actual(null, null, null);

    public static Actual of(double value) {
        return new Actual(BigDecimal.valueOf(value), BigDecimal.ONE, null);
    }

    public static Actual ofNullable(Double value) {
        return value == null ? NONE : of(value);
    }

    public static Actual share(long part, long whole) {
        return whole == 0 ? NONE : new Actual(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), null);
    }

    public static Actual verdict(String verdict) {
        return verdict == null ? NONE : new Actual(null, null, verdict);
    }

    public boolean known() {
        return numerator != null || verdict != null;
    }

    /** The figure as reported: four decimals, half up (like every evaluation figure). */
    public Double value() {
        return numerator == null ? null
                : numerator.divide(denominator, 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** Whether it meets {@code target} under {@code comparison}: numerator ≥ (or ≤) target × denominator, exactly. */
    public boolean meets(Comparison comparison, BigDecimal target) {
        int c = numerator.compareTo(target.multiply(denominator));
        return comparison == Comparison.AT_LEAST ? c >= 0 : c <= 0;
    }
}
