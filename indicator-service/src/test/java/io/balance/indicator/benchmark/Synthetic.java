package io.balance.indicator.benchmark;

import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic synthetic counties for the benchmarks: realistic sizes and resources scattered around the
 * QUALITY_2017 standards (some schools below, some far above), so evaluations take every path the real ones
 * do (school rule failures, failing CVs with gap analysis, large classes).
 */
final class Synthetic {
    private final Random random;

    Synthetic(long seed) {
        random = new Random(seed);
    }

    record School(SchoolV1 school, AnnualReportV1 report) {
        /** Stages with students: the school-stages this school contributes. */
        int stages() {
            return (int) report.students().values().stream().filter(n -> n > 0).count();
        }
    }

    /**
     * A county of {@code schools} schools: every other one a nine-year school (two school-stages), the rest
     * alternating primary and junior, the last one a small teaching point (excluded from the CVs).
     */
    List<School> county(String countyCode, int schools) {
        List<School> out = new ArrayList<>(schools);
        for (int i = 1; i <= schools; i++) {
            String type = i == schools ? "TEACHING_POINT" : i % 2 == 0 ? "NINE_YEAR" : i % 4 == 1 ? "PRIMARY" : "JUNIOR";
            String code = countyCode + String.format("%04d", i);
            String location = switch (i % 3) {
                case 0 -> "URBAN";
                case 1 -> "TOWN";
                default -> "RURAL";
            };
            out.add(new School(new SchoolV1(code, "学校" + code, countyCode, type, location, true, i % 5 == 0),
                    report(type)));
        }
        return out;
    }

    AnnualReportV1 report(String type) {
        Map<String, Integer> students = new HashMap<>();
        Map<String, List<Integer>> classes = new HashMap<>();
        Map<String, AnnualReportV1.Teachers> teachers = new HashMap<>();
        switch (type) {
            case "TEACHING_POINT" -> students.put("PRIMARY", 20 + random.nextInt(29));
            case "PRIMARY" -> students.put("PRIMARY", 200 + random.nextInt(1300));
            case "JUNIOR" -> students.put("JUNIOR", 300 + random.nextInt(1200));
            default -> {
                students.put("PRIMARY", 200 + random.nextInt(900));
                students.put("JUNIOR", 150 + random.nextInt(600));
            }
        }
        double weighted = 0;
        for (var e : students.entrySet()) {
            String stage = e.getKey();
            int n = e.getValue();
            weighted += "JUNIOR".equals(stage) ? 1.1 * n : n;
            int classLimit = "PRIMARY".equals(stage) ? 45 : 50;
            // most classes within the limit, a few large ones
            int target = classLimit - 3 + random.nextInt(8);
            int count = Math.max(1, (int) Math.ceil((double) n / target));
            List<Integer> sizes = new ArrayList<>(count);
            int left = n;
            for (int c = 0; c < count; c++) {
                int size = c == count - 1 ? left : Math.min(left, n / count);
                sizes.add(size);
                left -= size;
            }
            classes.put(stage, sizes);
            double per100 = n / 100.0;
            boolean primary = "PRIMARY".equals(stage);
            int fullTime = (int) Math.round(per100 * (primary ? 5.3 : 7.5) * spread());
            teachers.put(stage, new AnnualReportV1.Teachers(fullTime,
                    Math.min(fullTime, (int) Math.round(per100 * (primary ? 4.2 : 5.3) * spread())),
                    Math.min(fullTime, (int) Math.round(per100 * 1.0 * spread())),
                    Math.min(fullTime, (int) Math.round(per100 * 0.6 * spread())),
                    Math.min(fullTime, (int) Math.round(per100 * 0.9 * spread())),
                    Math.min(fullTime, (int) Math.round(per100 * (primary ? 2.0 : 2.6) * spread())),
                    fullTime, fullTime, Math.max(1, fullTime / 4), Math.max(0, fullTime / 30), 0));
        }
        int classCount = classes.values().stream().mapToInt(List::size).sum();
        int rooms = Math.max(1, (int) Math.ceil(classCount / 12.0));
        List<Double> music = new ArrayList<>();
        List<Double> art = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            music.add(random.nextInt(10) == 0 ? 80.0 : 96.0);
            art.add(90.0);
        }
        // facilities per weighted student around the primary standards, junior share lifted by the 1.1 weight
        AnnualReportV1.Facilities facilities = new AnnualReportV1.Facilities(
                Math.round(weighted * 5.0 * spread()),
                Math.round(weighted * 8.5 * spread()),
                Math.round(weighted * 2300 * spread()),
                (int) Math.round(weighted / 100 * 2.5 * spread()),
                (int) Math.round(weighted / 100 * 15 * spread()),
                (int) Math.round(weighted * 30 * spread()),
                music, art);
        double budget = Math.round(weighted * 1000 * spread());
        return new AnnualReportV1(students, classes, teachers, facilities,
                new AnnualReportV1.Funding(budget, Math.round(budget * 0.06 * spread())));
    }

    /** A factor around 1.1: most schools near or above the standard, a tail below 85 % of it. */
    private double spread() {
        return Math.max(0.5, 1.1 + random.nextGaussian() * 0.2);
    }
}
