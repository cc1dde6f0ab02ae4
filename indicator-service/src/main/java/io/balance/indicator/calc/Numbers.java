package io.balance.indicator.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and tolerant comparison of computed figures. */
public final class Numbers {
    private static final double EPSILON = 1e-9;

    private Numbers() {
    }

    /** Four decimals, half up: how figures are reported (limits are compared with the unrounded value). */
    public static Double r4(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    public static double round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code value ≥ threshold} allowing binary floating-point noise (4.5 × 0.85 is 3.8249999999999997). */
    public static boolean atLeast(double value, double threshold) {
        return value >= threshold - EPSILON * Math.max(1.0, Math.abs(threshold));
    }

    /** Rounds an amount up to what can be acquired: whole teachers/rooms/computers/books, m² and yuan to 0.01. */
    public static double ceilAmount(double amount, String unit) {
        if (amount <= 0) {
            return 0;
        }
        return switch (unit == null ? "" : unit) {
            case "m2", "yuan" -> BigDecimal.valueOf(amount).setScale(2, RoundingMode.CEILING).doubleValue();
            default -> Math.ceil(amount - EPSILON);
        };
    }
}
