package io.balance.survey.campaign;

import io.balance.survey.common.Validation;
import io.balance.contracts.Location;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's sample plan (样本量分配).
 *
 * @param total         planned questionnaires
 * @param byGroup       per respondent group; sums to total
 * @param byLocation    the school-bound groups (students, parents, teachers, principals) split urban / town /
 *                      rural; sums to {@link #schoolBoundTotal()}. Empty when the county has no schools yet.
 * @param locationBasis what the location split is proportional to: {@link #POPULATION} (urban / town / rural
 *                      resident population, given with the campaign or by the registry), {@link #SCHOOLS_FALLBACK}
 *                      (registered schools per location: a marked fallback when no population split is known),
 *                      {@link #ADJUSTED} (set by the supervising level) or {@link #NONE}
 */
public record SamplePlan(int total, Map<Group, Integer> byGroup, Map<Location, Integer> byLocation,
        String locationBasis) {
    public static final String POPULATION = "POPULATION";
    public static final String SCHOOLS_FALLBACK = "SCHOOLS_FALLBACK";
    public static final String ADJUSTED = "ADJUSTED";
    public static final String NONE = "NONE";

    /**
     * The required sample: a fixed number for a small county, otherwise the per-mille share rounded
     * <b>up</b>, because the rule is a minimum ("不少于") and 600.0015 people cannot be surveyed.
     */
    public static int requiredTotal(long population, SampleRules rules) {
        if (population < rules.smallCountyPopulation()) {
            return rules.smallCountySample();
        }
        return BigDecimal.valueOf(population).multiply(rules.permille())
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING).intValueExact();
    }

    /**
     * Parents get at least the minimum share (rounded up); the six other groups get equal parts of the rest,
     * and the few left over after the equal split go to parents, so the others stay exactly equal.
     */
    public static Map<Group, Integer> splitGroups(int total, SampleRules rules) {
        int minParents = BigDecimal.valueOf(total).multiply(rules.minParentShare())
                .setScale(0, RoundingMode.CEILING).intValueExact();
        int others = Group.values().length - 1;
        int each = (total - minParents) / others;
        Map<Group, Integer> split = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            split.put(g, g == Group.PARENT ? total - each * others : each);
        }
        return split;
    }

    /**
     * Largest-remainder (Hamilton) apportionment of {@code amount} over locations in proportion to
     * {@code weights}; ties go in the order urban, town, rural. Locations with no weight get nothing.
     */
    public static Map<Location, Integer> apportion(int amount, Map<Location, Long> weights) {
        Map<Location, Integer> result = new EnumMap<>(Location.class);
        long sum = weights.values().stream().mapToLong(w -> Math.max(0, w)).sum();
        if (sum <= 0) {
            return result;
        }
        record Part(Location location, long floor, long remainder) {
        }
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (Location l : Location.values()) {
            long w = Math.max(0, weights.getOrDefault(l, 0L));
            if (w == 0) {
                continue;
            }
            long numerator = (long) amount * w;
            parts.add(new Part(l, numerator / sum, numerator % sum));
            given += numerator / sum;
        }
        long left = amount - given;
        List<Part> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.comparingLong(Part::remainder).reversed()
                .thenComparing(p -> p.location().ordinal()));
        for (Part p : parts) {
            result.put(p.location(), (int) p.floor());
        }
        for (int i = 0; i < left; i++) {
            Location l = byRemainder.get(i).location();
            result.merge(l, 1, Integer::sum);
        }
        return result;
    }

    public static SamplePlan compute(long population, Map<Location, Long> weights, String basis, SampleRules rules) {
        int total = requiredTotal(population, rules);
        Map<Group, Integer> byGroup = splitGroups(total, rules);
        return new SamplePlan(total, byGroup, apportion((int) schoolBound(byGroup), weights), basis);
    }

    public long schoolBoundTotal() {
        return schoolBound(byGroup);
    }

    private static long schoolBound(Map<Group, Integer> byGroup) {
        long sum = 0;
        for (Map.Entry<Group, Integer> e : byGroup.entrySet()) {
            if (e.getKey().schoolBound && e.getValue() != null) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /**
     * Checks an adjusted plan without overflow (every sum in {@code long}): the total at least the required sample
     * and at most the resident population; every count present, non-negative and within the total; groups summing
     * to the total; parents at least their share; locations summing to the school-bound groups' total.
     */
    public static void validate(SamplePlan plan, int requiredTotal, long population, SampleRules rules, Validation v) {
        long total = plan.total();
        if (total < requiredTotal) {
            v.add("total", "must be at least the required sample of " + requiredTotal);
        } else if (total > Math.max(population, requiredTotal)) {
            v.add("total", "must not exceed the county's resident population of " + population);
        }
        long sum = 0;
        for (Group g : Group.values()) {
            sum += checkCount(plan.byGroup().get(g), total, "byGroup." + g, v);
        }
        if (v.ok() && sum != total) {
            v.add("byGroup", "groups add up to " + sum + ", not the total " + total);
        }
        Integer parents = plan.byGroup().get(Group.PARENT);
        if (parents != null && parents >= 0 && BigDecimal.valueOf(parents)
                .compareTo(rules.minParentShare().multiply(BigDecimal.valueOf(total))) < 0) {
            v.add("byGroup.PARENT", "parents must be at least "
                    + rules.minParentShare().movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % of the total");
        }
        if (!plan.byLocation().isEmpty()) {
            long loc = 0;
            for (Map.Entry<Location, Integer> e : plan.byLocation().entrySet()) {
                loc += checkCount(e.getValue(), total, "byLocation." + e.getKey(), v);
            }
            if (v.ok() && loc != plan.schoolBoundTotal()) {
                v.add("byLocation", "locations add up to " + loc + ", not the " + plan.schoolBoundTotal()
                        + " planned for students, parents, teachers and principals");
            }
        }
    }

    /** One count: present, not negative, within the total; its value for the sum (0 when invalid). */
    private static long checkCount(Integer n, long total, String field, Validation v) {
        if (n == null) {
            v.add(field, "is required");
        } else if (n < 0) {
            v.add(field, "must not be negative");
        } else if (n > total) {
            v.add(field, "must not exceed the total of " + total);
        } else {
            return n;
        }
        return 0;
    }
}
