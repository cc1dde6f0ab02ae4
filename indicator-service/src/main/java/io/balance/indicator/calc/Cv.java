package io.balance.indicator.calc;

/**
 * Student-weighted coefficient of variation (校际差异系数, spec §4):
 * X̄ = ΣR / ΣP (× per), S = sqrt(Σ (P_i/P)(X_i − X̄)²), CV = S / X̄. Undefined (null, with a reason) when
 * there are no included school-stages or X̄ is 0: never 0, never NaN.
 */
public final class Cv {
    private Cv() {
    }

    /** @param mean X̄, the county value; null with cv when there are no students */
    public record Result(Double mean, Double s, Double cv, String reason) {
        public boolean defined() {
            return cv != null;
        }
    }

    /**
     * @param students  P_i of each included school-stage (all positive)
     * @param resources R_i of each included school-stage (teachers, m², yuan, rooms …)
     * @param per       1 for per student, 100 for per 100 students
     */
    public static Result of(double[] students, double[] resources, double per) {
        double p = 0;
        double r = 0;
        for (int i = 0; i < students.length; i++) {
            p += students[i];
            r += resources[i];
        }
        if (students.length == 0 || p <= 0) {
            return new Result(null, null, null, "no included school-stages");
        }
        double mean = r / p * per;
        double sum = 0;
        for (int i = 0; i < students.length; i++) {
            double x = resources[i] / students[i] * per;
            sum += students[i] / p * (x - mean) * (x - mean);
        }
        double s = Math.sqrt(sum);
        if (mean == 0) {
            return new Result(0.0, s, null, "county value is 0: the coefficient of variation is undefined");
        }
        return new Result(mean, s, s / mean, null);
    }

    /** CV over values X_i directly (X_i = R_i / P_i × per), as used when levelling values. */
    public static Result ofValues(double[] students, double[] values) {
        double[] resources = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            resources[i] = values[i] * students[i];
        }
        return of(students, resources, 1.0);
    }
}
