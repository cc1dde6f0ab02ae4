package io.balance.indicator.calc;

import io.balance.indicator.finding.Funding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One year's education funding against the previous year's, exactly (decimal arithmetic, ratios compared by
 * cross-multiplying, so equal growth rates are equal):
 * <ul>
 * <li>三个增长 (义务教育法 第四十二条): the appropriation for compulsory education grows faster than recurrent
 * revenue (高于: equal rates miss it); the appropriation per pupil grows; staff pay and public funds per pupil
 * (primary and junior) grow (逐步增长: unchanged is no growth).</li>
 * <li>两个只增不减: general-budget education expenditure, in total and per student, does not decrease (unchanged
 * is met; 1 yuan less is not).</li>
 * </ul>
 */
public final class FundingGrowth {
    private static final MathContext MC = MathContext.DECIMAL64;

    private FundingGrowth() {
    }

    /**
     * @param met     true or false; null while inputs are missing and nothing failed yet
     * @param missed  the components not met (decisive even while others are missing)
     * @param missing the inputs missing, {@code funding.<year>.<field>} ({@code funding.<year>} when the year has none)
     */
    public record YearResult(int year, Boolean met, List<String> missed, List<String> missing, String detail) {
    }

    public static YearResult threeGrowths(int year, Funding current, Funding previous) {
        Comparison c = new Comparison(year, current, previous);
        BigDecimal a = c.now("compulsoryAppropriationYuan", Funding::compulsoryAppropriationYuan);
        BigDecimal a0 = c.before("compulsoryAppropriationYuan", Funding::compulsoryAppropriationYuan);
        BigDecimal r = c.now("recurrentRevenueYuan", Funding::recurrentRevenueYuan);
        BigDecimal r0 = c.before("recurrentRevenueYuan", Funding::recurrentRevenueYuan);
        if (a != null && a0 != null && r != null && r0 != null) {
            // a / a0 > r / r0, with r0 > 0 (validated) and a0 ≥ 0
            boolean met = a.multiply(r0).compareTo(r.multiply(a0)) > 0;
            c.judge(met, "义务教育财政拨款增长 " + growth(a, a0) + " vs 财政经常性收入增长 " + growth(r, r0),
                    "appropriation growth not above recurrent revenue growth");
        }
        BigDecimal p = c.now("compulsoryPupils", f -> f.compulsoryPupils() == null ? null : f.compulsoryPupils().doubleValue());
        BigDecimal p0 = c.before("compulsoryPupils", f -> f.compulsoryPupils() == null ? null : f.compulsoryPupils().doubleValue());
        if (a != null && a0 != null && p != null && p0 != null) {
            boolean met = a.multiply(p0).compareTo(a0.multiply(p)) > 0; // a / p > a0 / p0
            c.judge(met, "生均义务教育拨款 " + perHead(a0, p0) + " → " + perHead(a, p) + " 元",
                    "appropriation per pupil did not grow");
        }
        c.grows("staffAveragePayYuan", Funding::staffAveragePayYuan, "教职工年平均工资", "staff average pay did not grow");
        c.grows("publicFundsPerPupilPrimaryYuan", Funding::publicFundsPerPupilPrimaryYuan, "小学生均公用经费",
                "primary public funds per pupil did not grow");
        c.grows("publicFundsPerPupilJuniorYuan", Funding::publicFundsPerPupilJuniorYuan, "初中生均公用经费",
                "junior public funds per pupil did not grow");
        return c.result();
    }

    public static YearResult twoNoDecrease(int year, Funding current, Funding previous) {
        Comparison c = new Comparison(year, current, previous);
        BigDecimal e = c.now("generalBudgetEducationYuan", Funding::generalBudgetEducationYuan);
        BigDecimal e0 = c.before("generalBudgetEducationYuan", Funding::generalBudgetEducationYuan);
        if (e != null && e0 != null) {
            c.judge(e.compareTo(e0) >= 0, "一般公共预算教育支出 " + plain(e0) + " → " + plain(e) + " 元",
                    "general-budget education expenditure decreased");
        }
        BigDecimal s = c.now("students", f -> f.students() == null ? null : f.students().doubleValue());
        BigDecimal s0 = c.before("students", f -> f.students() == null ? null : f.students().doubleValue());
        if (e != null && e0 != null && s != null && s0 != null) {
            boolean met = e.multiply(s0).compareTo(e0.multiply(s)) >= 0; // e / s ≥ e0 / s0
            c.judge(met, "生均一般公共预算教育支出 " + perHead(e0, s0) + " → " + perHead(e, s) + " 元",
                    "general-budget education expenditure per student decreased");
        }
        return c.result();
    }

    /** The growth rate in percent to 2 decimals, or "from 0". */
    static String growth(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return "from 0";
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, MC)
                .setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String perHead(BigDecimal amount, BigDecimal heads) {
        return amount.divide(heads, MC).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** Collects the components of one year's comparison. */
    private static final class Comparison {
        private final int year;
        private final Funding current;
        private final Funding previous;
        private final List<String> missed = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private final List<String> details = new ArrayList<>();

        Comparison(int year, Funding current, Funding previous) {
            this.year = year;
            this.current = current;
            this.previous = previous;
        }

        BigDecimal now(String field, java.util.function.Function<Funding, Double> get) {
            return value(year, current, field, get);
        }

        BigDecimal before(String field, java.util.function.Function<Funding, Double> get) {
            return value(year - 1, previous, field, get);
        }

        private BigDecimal value(int y, Funding f, String field, java.util.function.Function<Funding, Double> get) {
            Double v = f == null ? null : get.apply(f);
            if (v == null) {
                String name = f == null ? "funding." + y : "funding." + y + "." + field;
                if (!missing.contains(name)) {
                    missing.add(name);
                }
                return null;
            }
            return BigDecimal.valueOf(v);
        }

        void judge(boolean met, String detail, String whenMissed) {
            details.add(detail);
            if (!met) {
                missed.add(whenMissed);
            }
        }

        void grows(String field, java.util.function.Function<Funding, Double> get, String label, String whenMissed) {
            BigDecimal v = now(field, get);
            BigDecimal v0 = before(field, get);
            if (v != null && v0 != null) {
                judge(v.compareTo(v0) > 0, label + " " + plain(v0) + " → " + plain(v), whenMissed);
            }
        }

        YearResult result() {
            Boolean met = !missed.isEmpty() ? Boolean.FALSE : !missing.isEmpty() ? null : Boolean.TRUE;
            return new YearResult(year, met, List.copyOf(missed), List.copyOf(missing),
                    (year - 1) + "→" + year + ": " + (details.isEmpty() ? "no figures to compare" : String.join("; ", details)));
        }
    }
}
