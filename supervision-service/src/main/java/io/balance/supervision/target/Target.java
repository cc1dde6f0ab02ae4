package io.balance.supervision.target;

import java.math.BigDecimal;

/**
 * One yearly target of a county's plan. {@code stage} and {@code indicator} are empty strings when the kind
 * needs none; {@code value} is the number (shares as fractions, 0.95 = 95 %), {@code verdict} the wanted
 * verdict of a {@link TargetKind#VERDICT} target.
 */
public record Target(int year, TargetKind kind, String stage, String indicator, Comparison comparison,
        BigDecimal value, String verdict) {

    /** Targets with the same identity follow one another over the years. */
    public String identity() {
        return kind + "/" + stage + "/" + indicator;
    }
}
