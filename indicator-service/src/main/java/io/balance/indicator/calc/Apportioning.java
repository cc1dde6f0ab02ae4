package io.balance.indicator.calc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shares of a school's facilities per stage (spec §4.1): proportional to weighted students, e.g. a nine-year
 * school gives its primary part A / (A + 1.1B). Types without weights split by plain student numbers.
 */
public final class Apportioning {
    private Apportioning() {
    }

    /**
     * @param students per stage (PRIMARY, JUNIOR, SENIOR); missing means 0
     * @param weights  the rule set's weights for the school's type, or null/empty for weight 1 per stage
     * @return the share of every stage that has students; empty when the school has none
     */
    public static Map<String, Double> shares(Map<String, Integer> students, Map<String, Double> weights) {
        Map<String, Double> weighted = new LinkedHashMap<>();
        double total = 0;
        for (String stage : Stages.ALL) {
            int count = students == null ? 0 : students.getOrDefault(stage, 0);
            if (count <= 0) {
                continue;
            }
            double weight = weights == null ? 1.0 : weights.getOrDefault(stage, 1.0);
            weighted.put(stage, count * weight);
            total += count * weight;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (var e : weighted.entrySet()) {
            shares.put(e.getKey(), e.getValue() / total);
        }
        return shares;
    }
}
