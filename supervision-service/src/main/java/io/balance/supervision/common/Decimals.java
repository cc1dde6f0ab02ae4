package io.balance.supervision.common;

import java.math.BigDecimal;

/** Amounts as people write them. */
public final class Decimals {
    private Decimals() {
    }

    /** Without trailing zeros and never in exponent form (80, not 8E+1; 1250.5, not 1250.5000). */
    public static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
