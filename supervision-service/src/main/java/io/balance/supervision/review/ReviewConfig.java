package io.balance.supervision.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** {@code balance.supervision.review.*}: review, inspection and publication settings, each default once. */
@ConfigMapping(prefix = "balance.supervision.review")
public interface ReviewConfig {
    /** An on-site figure further than this from the approved report (relative) becomes an INSPECTION problem. */
    @WithDefault("0.05")
    BigDecimal inspectionTolerance();

    /** The objection window (公示期) when the province publishes without saying, in working days. */
    @WithDefault("5")
    int objectionWindowDays();

    /** Objections taken from one source address per hour (429 beyond). */
    @WithDefault("10")
    int objectionsPerHour();
}
