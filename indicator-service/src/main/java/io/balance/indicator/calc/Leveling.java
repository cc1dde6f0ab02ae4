package io.balance.indicator.calc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What brings a failing CV under its limit, in concrete amounts: raise every school-stage below a level L to
 * L, with L the lowest level that suffices. Raising the floor never increases the variance and never lowers
 * the mean, so the CV falls monotonically in L and a bisection finds it.
 */
public final class Leveling {
    private Leveling() {
    }

    /** @param index position of the school-stage in the input arrays; amount in the numerator's unit */
    public record Need(int index, double amount) {
    }

    public record Plan(double raiseTo, double resultingCv, List<Need> needs, double total) {
    }

    /** Share of the weighted variance contributed by each school-stage, (P_i/P)(X_i − X̄)² / S². */
    public record Contribution(int index, double value, double share) {
    }

    /**
     * @param students P_i; {@code values} X_i (already × per); {@code limit} the CV to reach;
     *                 {@code strict} whether the CV must end strictly below the limit
     * @return null when the CV is undefined or already within the limit
     */
    public static Plan toLimit(double[] students, double[] values, double per, double limit, boolean strict) {
        Cv.Result now = Cv.ofValues(students, values);
        if (!now.defined() || within(now.cv(), limit, strict)) {
            return null;
        }
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        for (int i = 0; i < 80 && high - low > 1e-9 * Math.max(1, high); i++) {
            double mid = (low + high) / 2;
            Double cv = Cv.ofValues(students, raised(values, mid)).cv();
            if (cv != null && within(cv, limit, strict)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        double level = high;
        double[] after = raised(values, level);
        List<Need> needs = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < level) {
                double amount = (level - values[i]) * students[i] / per;
                needs.add(new Need(i, amount));
                total += amount;
            }
        }
        needs.sort(Comparator.comparingDouble(Need::amount).reversed());
        return new Plan(level, Cv.ofValues(students, after).cv(), needs, total);
    }

    /** The largest contributors to the weighted variance, largest first. */
    public static List<Contribution> contributions(double[] students, double[] values, int top) {
        Cv.Result cv = Cv.ofValues(students, values);
        List<Contribution> list = new ArrayList<>();
        if (cv.mean() == null || cv.s() == null || cv.s() == 0) {
            return list;
        }
        double p = 0;
        for (double s : students) {
            p += s;
        }
        double variance = cv.s() * cv.s();
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - cv.mean();
            list.add(new Contribution(i, values[i], students[i] / p * d * d / variance));
        }
        list.sort(Comparator.comparingDouble(Contribution::share).reversed());
        return list.size() > top ? list.subList(0, top) : list;
    }

    /**
     * The limit is compared with the unrounded CV (spec §4: 0.50004 is not ≤ 0.50, 0.64996 is < 0.65); the
     * CV is only shown rounded.
     */
    public static boolean within(double cv, double limit, boolean strict) {
        return strict ? cv < limit : cv <= limit;
    }

    private static double[] raised(double[] values, double level) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.max(values[i], level);
        }
        return out;
    }
}
