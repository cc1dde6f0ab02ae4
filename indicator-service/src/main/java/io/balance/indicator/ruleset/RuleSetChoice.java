package io.balance.indicator.ruleset;

/**
 * Which rule set an evaluation applied and why.
 *
 * @param requested the {@code ruleSet} the caller asked for, null when the default was used
 * @param applied   the code of the set applied
 * @param reason    e.g. "default: the most specific set derived from QUALITY_2017 that applies to 360102 (360000)"
 */
public record RuleSetChoice(String requested, String applied, String reason) {

    /** A set with the rule set it was chosen as. */
    public record Chosen(RuleSet rules, RuleSetChoice choice) {
    }
}
