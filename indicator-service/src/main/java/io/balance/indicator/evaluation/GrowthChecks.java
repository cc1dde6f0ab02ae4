package io.balance.indicator.evaluation;

import io.balance.indicator.calc.FundingGrowth;
import io.balance.indicator.calc.FundingGrowth.YearResult;
import io.balance.indicator.finding.Funding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks comparing the county's funding figures year by year (三个增长, 两个只增不减). {@code params}: {@code years}
 * judged, ending with the evaluation year (default 1), of which at most {@code maxMissedYears} may miss (default 0).
 * BASIC_2012's veto "三个增长近三年中有两年存在不达标情况" is {@code years} 3, {@code maxMissedYears} 1. A year
 * needs its own figures and the previous year's: missing ones make it INCOMPLETE (the year named), and the check
 * is INCOMPLETE while the unknown years could still decide it, never PASS on nothing.
 */
final class GrowthChecks {
    /** The most years a check may judge: inputs hold the evaluation year and this many before it. */
    static final int MAX_YEARS = io.balance.indicator.ruleset.RuleSetValidator.MAX_GROWTH_YEARS;

    private GrowthChecks() {
    }

    static void threeGrowths(CheckBuilder b, Map<String, Object> p, int year, Map<Integer, Funding> funding) {
        judge(b, p, year, funding, true);
    }

    static void twoNoDecrease(CheckBuilder b, Map<String, Object> p, int year, Map<Integer, Funding> funding) {
        judge(b, p, year, funding, false);
    }

    private static void judge(CheckBuilder b, Map<String, Object> p, int year, Map<Integer, Funding> funding,
            boolean threeGrowths) {
        int years = (int) CheckParams.number(p, "years", 1);
        int maxMissed = (int) CheckParams.number(p, "maxMissedYears", 0);
        List<YearResult> missed = new ArrayList<>();
        List<YearResult> unknown = new ArrayList<>();
        int met = 0;
        for (int y = year - years + 1; y <= year; y++) {
            YearResult r = threeGrowths ? FundingGrowth.threeGrowths(y, funding.get(y), funding.get(y - 1))
                    : FundingGrowth.twoNoDecrease(y, funding.get(y), funding.get(y - 1));
            String status = r.met() == null ? Evaluation.INCOMPLETE : r.met() ? Evaluation.PASS : Evaluation.FAIL;
            b.year(new Evaluation.YearOutcome(y, status, r.detail(), r.missed(), r.met() == null ? r.missing() : List.of()));
            if (r.met() == null) {
                unknown.add(r);
            } else if (r.met()) {
                met++;
            } else {
                missed.add(r);
            }
        }
        String of = " of " + years + " year" + (years == 1 ? "" : "s") + " to " + year;
        if (missed.size() > maxMissed) {
            b.fail(missed.size() + of + " missed (at most " + maxMissed + " may): "
                    + String.join("; ", missed.stream().map(r -> r.year() + " " + r.missed() + " (" + r.detail() + ")").toList()));
        } else if (missed.size() + unknown.size() > maxMissed) {
            java.util.Set<String> inputs = new java.util.TreeSet<>();
            unknown.forEach(r -> inputs.addAll(r.missing()));
            inputs.forEach(b::missing);
        } else {
            b.detail(met + of + " met, " + missed.size() + " missed" + (unknown.isEmpty() ? ""
                    : ", " + unknown.size() + " without figures cannot change it"));
        }
    }
}
