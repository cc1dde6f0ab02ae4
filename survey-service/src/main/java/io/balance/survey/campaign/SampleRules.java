package io.balance.survey.campaign;

import java.math.BigDecimal;

/**
 * The sampling rule (抽样要求) as data: 1.5 ‰ of the resident population, 600 for a county under 400 000
 * people, parents at least half. Defaults from evaluation-standards.md §5; overridable in configuration.
 */
public record SampleRules(BigDecimal permille, long smallCountyPopulation, int smallCountySample,
        BigDecimal minParentShare) {
    public static final SampleRules DEFAULT = new SampleRules(new BigDecimal("1.5"), 400_000, 600,
            new BigDecimal("0.5"));
}
