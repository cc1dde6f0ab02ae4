package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.atLeast;

import io.balance.indicator.evaluation.Evaluation.Check;
import io.balance.indicator.evaluation.Evaluation.Part;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * How an assurance or quality part is judged from its checks: every check must pass (national sets), or the
 * A/B scheme (Jiangxi, seed 003): every must-pass ("A") check passes and the scored ("B") checks that pass
 * reach the minimum score. A check still INCOMPLETE neither earns nor loses its points: the part is decided
 * only when the points already earned reach the minimum, or cannot reach it even with every pending point.
 */
final class PartScoring {
    private PartScoring() {
    }

    static Part allMustPass(List<Check> results) {
        List<String> failing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Check c : results) {
            if (Evaluation.FAIL.equals(c.status())) {
                failing.add(c.id());
            }
            addAll(missing, c.missing());
        }
        String status = !failing.isEmpty() ? Evaluation.FAIL : !missing.isEmpty() ? Evaluation.INCOMPLETE : Evaluation.PASS;
        return new Part(status, Evaluator.pass(status), null, null, results, failing, missing);
    }

    static Part scored(List<Check> results, RuleSet.Scoring scoring) {
        double minimum = scoring.minimumScore();
        List<Check> categorised = new ArrayList<>();
        List<String> mustFailing = new ArrayList<>();
        List<String> mustMissing = new ArrayList<>();
        List<String> scoredFailing = new ArrayList<>();
        List<String> scoredMissing = new ArrayList<>();
        double points = 0;
        double pending = 0;
        double maximum = 0;
        for (Check c : results) {
            boolean scored = c.points() != null;
            categorised.add(new Check(c.id(), c.name(), c.status(), scored ? "B" : "A", c.points(), c.detail(),
                    c.schools(), c.missing(), c.years()));
            if (!scored) {
                if (Evaluation.FAIL.equals(c.status())) {
                    mustFailing.add(c.id());
                }
                addAll(mustMissing, c.missing());
                continue;
            }
            maximum += c.points();
            switch (c.status()) {
                case Evaluation.PASS -> points += c.points();
                case Evaluation.INCOMPLETE -> {
                    pending += c.points();
                    addAll(scoredMissing, c.missing());
                }
                default -> scoredFailing.add(c.id());
            }
        }
        boolean reached = atLeast(points, minimum);
        boolean unreachable = !atLeast(points + pending, minimum);
        String status = !mustFailing.isEmpty() || unreachable ? Evaluation.FAIL
                : reached && mustMissing.isEmpty() ? Evaluation.PASS : Evaluation.INCOMPLETE;
        List<String> failing = new ArrayList<>(mustFailing);
        if (unreachable) {
            failing.add("score " + points + " of " + maximum + " below " + minimum + (scoredFailing.isEmpty() ? ""
                    : " (failed: " + String.join(", ", scoredFailing) + ")"));
        }
        List<String> missing = new ArrayList<>(mustMissing);
        if (!reached) {
            addAll(missing, scoredMissing);
        }
        return new Part(status, Evaluator.pass(status), null,
                new Evaluation.Score(points, pending, maximum, minimum, mustFailing), categorised, failing, missing);
    }

    private static void addAll(List<String> into, List<String> items) {
        for (String m : items) {
            if (!into.contains(m)) {
                into.add(m);
            }
        }
    }
}
