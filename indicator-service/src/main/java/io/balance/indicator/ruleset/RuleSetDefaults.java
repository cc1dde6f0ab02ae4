package io.balance.indicator.ruleset;

import io.balance.contracts.JurisdictionScope;
import java.util.Map;

/**
 * The default rule set of a jurisdiction: among the sets derived from the national default (itself included)
 * that apply, the one of the most specific jurisdiction (city, then province, then national); between two of
 * the same jurisdiction the one derived most recently from it (the longer {@code basedOn} chain), then by code.
 * A Jiangxi county (36xxxx) is therefore judged by JIANGXI_QUALITY_2017 unless the caller asks for another.
 */
final class RuleSetDefaults {
    private RuleSetDefaults() {
    }

    static RuleSetChoice.Chosen choose(Map<String, RuleSet> sets, String national, String jurisdictionCode) {
        RuleSet best = null;
        for (RuleSet rs : sets.values()) {
            if (depth(sets, rs, national) < 0 || jurisdictionCode != null && !RuleSetService.appliesTo(rs, jurisdictionCode)) {
                continue;
            }
            if (best == null || better(sets, national, rs, best)) {
                best = rs;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the national rule set " + national + " is not stored");
        }
        String reason = best.jurisdictionCode() == null
                ? "default: the national set; no set derived from " + national + " is specific to "
                        + (jurisdictionCode == null ? "the jurisdiction" : jurisdictionCode)
                : "default: the most specific set derived from " + national + " that applies to " + jurisdictionCode
                        + " (its jurisdiction " + best.jurisdictionCode() + ")";
        return new RuleSetChoice.Chosen(best, new RuleSetChoice(null, best.code(), reason));
    }

    private static boolean better(Map<String, RuleSet> sets, String national, RuleSet a, RuleSet b) {
        int sa = specificity(a);
        int sb = specificity(b);
        if (sa != sb) {
            return sa > sb;
        }
        int da = depth(sets, a, national);
        int db = depth(sets, b, national);
        if (da != db) {
            return da > db;
        }
        return a.code().compareTo(b.code()) < 0;
    }

    /** 0 national, then the length of the jurisdiction's code prefix (province 2, city 4). */
    private static int specificity(RuleSet rs) {
        return rs.jurisdictionCode() == null ? 0 : JurisdictionScope.prefixOf(rs.jurisdictionCode()).length();
    }

    /** Steps of {@code basedOn} from the set to the national default, or −1 when it is not derived from it. */
    private static int depth(Map<String, RuleSet> sets, RuleSet rs, String national) {
        RuleSet current = rs;
        for (int steps = 0; current != null && steps <= sets.size(); steps++) {
            if (national.equals(current.code())) {
                return steps;
            }
            current = current.basedOn() == null ? null : sets.get(current.basedOn());
        }
        return -1;
    }
}
