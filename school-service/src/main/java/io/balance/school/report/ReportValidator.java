package io.balance.school.report;

import io.balance.contracts.AnnualReportV1;
import io.balance.school.common.Errors;
import io.balance.school.registry.SchoolType;
import io.balance.school.registry.Stage;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an annual report completely, collecting every problem with its JSON path: first the rules of single fields
 * (the annotations of {@link ReportInput}), then the rules between fields: stages the school type has, subsets that
 * may not exceed their whole, class sizes that add up to the stage's students, boarders within the students, each
 * special room once. Returns the normalised report only when all is well.
 */
public final class ReportValidator {
    /** Teacher counts in contract order. */
    public static final List<String> TEACHER_FIELDS = List.of("fullTime", "aboveRequiredDegree",
            "backboneCountyOrAbove", "backboneCityOrAbove", "peArtMusic", "intermediateTitleOrAbove", "certified",
            "training360Completed", "rotationEligible", "rotated", "rotatedBackbone");

    /** Subset rules as data: {part, whole} — a part may never exceed its whole. */
    static final List<String[]> TEACHER_SUBSETS = List.of(
            new String[] {"aboveRequiredDegree", "fullTime"},
            new String[] {"backboneCountyOrAbove", "fullTime"},
            new String[] {"backboneCityOrAbove", "backboneCountyOrAbove"},
            new String[] {"peArtMusic", "fullTime"},
            new String[] {"intermediateTitleOrAbove", "fullTime"},
            new String[] {"certified", "fullTime"},
            new String[] {"training360Completed", "fullTime"},
            new String[] {"rotationEligible", "fullTime"},
            new String[] {"rotated", "rotationEligible"},
            new String[] {"rotatedBackbone", "rotated"});

    public static final int FIRST_YEAR = 2000;

    private ReportValidator() {
    }

    /** The school year (its starting calendar year) must be plausible: 2000 up to next year. */
    public static void checkYear(int year, String field, Errors errors) {
        int max = Year.now().getValue() + 1;
        if (year < FIRST_YEAR || year > max) {
            errors.add(field, "must be a school year between " + FIRST_YEAR + " and " + max + ", got " + year);
        }
    }

    /** {@code path} is where the report sits in the request: "" for a body, "report" in an import row. */
    public static AnnualReportV1 validate(ReportInput report, SchoolType type, String path, Errors errors) {
        int before = errors.size();
        if (report == null) {
            errors.add(path.isEmpty() ? "(body)" : path, "must be a JSON object (the annual report)");
            return null;
        }
        errors.validate(report, path);

        String sPath = Errors.child(path, "students");
        Map<Stage, Integer> students = new LinkedHashMap<>();
        if (report.students() != null) {
            report.students().forEach((key, n) -> {
                Stage stage = stage(key, sPath, errors);
                if (stage != null && n != null && !errors.has(sPath + "." + key)) {
                    if (n > 0 && !type.has(stage)) {
                        errors.add(sPath + "." + stage, "a " + type + " school has no " + stage
                                + " stage (it has " + type.stages() + "); must be 0 or absent");
                    }
                    students.put(stage, n);
                }
            });
            type.stages().forEach(s -> students.putIfAbsent(s, 0));
            if (!errors.has(sPath) && type.stages().stream().filter(Stage::compulsory)
                    .mapToInt(s -> students.getOrDefault(s, 0)).sum() == 0) {
                errors.add(sPath, "a " + type + " school reports students in at least one of "
                        + type.stages().stream().filter(Stage::compulsory).toList());
            }
        }
        Map<Stage, List<Integer>> classSizes = classSizes(report, type, students, path, errors);
        Map<Stage, AnnualReportV1.Teachers> teachers = teachers(report, type, students, Errors.child(path, "teachers"), errors);
        AnnualReportV1.Facilities facilities = facilities(report.facilities(), Errors.child(path, "facilities"), errors);
        AnnualReportV1.Funding funding = funding(report.funding(), Errors.child(path, "funding"), errors);
        String bPath = Errors.child(path, "boarders");
        int total = students.values().stream().mapToInt(Integer::intValue).sum();
        if (report.boarders() != null && !errors.has(bPath) && report.boarders() > total) {
            errors.add(bPath, "must not exceed the school's students (" + total + ")");
        }
        if (errors.size() > before) {
            return null;
        }
        return new AnnualReportV1(byName(students), byName(classSizes), byName(teachers), facilities, funding,
                report.boarders());
    }

    /** Class sizes per stage: only stages the school has, adding up to the stage's students. */
    private static Map<Stage, List<Integer>> classSizes(ReportInput report, SchoolType type, Map<Stage, Integer> students,
                                                        String path, Errors errors) {
        String cPath = Errors.child(path, "classSizes");
        String sPath = Errors.child(path, "students");
        Map<Stage, List<Integer>> classSizes = new LinkedHashMap<>();
        if (report.classSizes() != null) {
            report.classSizes().forEach((key, sizes) -> {
                Stage stage = stage(key, cPath, errors);
                String field = cPath + "." + key;
                if (stage != null && sizes != null && !errors.has(field)) {
                    if (!sizes.isEmpty() && !type.has(stage)) {
                        errors.add(field, "a " + type + " school has no " + stage + " stage");
                    }
                    classSizes.put(stage, sizes);
                }
            });
        }
        for (Stage s : type.stages()) {
            Integer n = students.get(s);
            if (n == null || errors.has(sPath + "." + s) || errors.has(cPath + "." + s)) {
                continue;
            }
            List<Integer> sizes = classSizes.get(s);
            if (sizes == null) {
                if (n > 0 && s.compulsory()) {
                    errors.add(cPath + "." + s, "is required: the stage has " + n + " students");
                }
                classSizes.put(s, List.of());
                continue;
            }
            int sum = sizes.stream().mapToInt(Integer::intValue).sum();
            if (sum != n && !(sizes.isEmpty() && !s.compulsory())) {
                errors.add(cPath + "." + s, "class sizes add up to " + sum + " but students." + s + " is " + n);
            }
        }
        return classSizes;
    }

    /** Teachers per stage: each compulsory stage with students has them; no part exceeds its whole. */
    private static Map<Stage, AnnualReportV1.Teachers> teachers(ReportInput report, SchoolType type,
                                                               Map<Stage, Integer> students, String tPath, Errors errors) {
        Map<Stage, AnnualReportV1.Teachers> teachers = new LinkedHashMap<>();
        if (report.teachers() == null) {
            return teachers;
        }
        report.teachers().forEach((key, t) -> {
            Stage stage = stage(key, tPath, errors);
            String field = tPath + "." + key;
            if (stage == null || t == null || errors.has(field)) {
                return;
            }
            Map<String, Integer> counts = counts(t.toV1());
            int before = errors.size();
            for (String[] rule : TEACHER_SUBSETS) {
                if (counts.get(rule[0]) > counts.get(rule[1])) {
                    errors.add(field + "." + rule[0], "must not exceed " + rule[1] + " (" + counts.get(rule[1])
                            + "), got " + counts.get(rule[0]));
                }
            }
            if (!type.has(stage) && t.fullTime() > 0) {
                errors.add(field, "a " + type + " school has no " + stage + " stage");
            }
            if (errors.size() == before) {
                teachers.put(stage, t.toV1());
            }
        });
        for (Stage s : type.stages()) {
            Integer n = students.get(s);
            if (s.compulsory() && n != null && n > 0 && !report.teachers().containsKey(s.name())) {
                errors.add(tPath + "." + s, "is required: the stage has " + n + " students");
            }
        }
        return teachers;
    }

    private static Map<String, Integer> counts(AnnualReportV1.Teachers t) {
        List<Integer> values = List.of(t.fullTime(), t.aboveRequiredDegree(), t.backboneCountyOrAbove(),
                t.backboneCityOrAbove(), t.peArtMusic(), t.intermediateTitleOrAbove(), t.certified(),
                t.training360Completed(), t.rotationEligible(), t.rotated(), t.rotatedBackbone());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < TEACHER_FIELDS.size(); i++) {
            counts.put(TEACHER_FIELDS.get(i), values.get(i));
        }
        return counts;
    }

    private static AnnualReportV1.Facilities facilities(ReportInput.FacilitiesInput f, String path, Errors errors) {
        if (f == null || errors.has(path)) {
            return null;
        }
        List<AnnualReportV1.SpecialRoom> special = null;
        if (f.specialRooms() != null) {
            special = new ArrayList<>();
            for (int i = 0; i < f.specialRooms().size(); i++) {
                AnnualReportV1.SpecialRoom room = f.specialRooms().get(i);
                if (special.contains(room)) {
                    errors.add(path + ".specialRooms[" + i + "]", room + " is listed twice");
                    return null;
                }
                special.add(room);
            }
        }
        return new AnnualReportV1.Facilities(f.teachingAuxAreaM2(), f.sportsAreaM2(), f.equipmentValueYuan(),
                f.multimediaClassrooms(), f.computers(), f.books(), rooms(f.musicRoomAreasM2()),
                rooms(f.artRoomAreasM2()), special);
    }

    /** Areas of the individual music or art rooms (one entry per room); absent means none. */
    private static List<Double> rooms(List<Double> areas) {
        return areas == null ? List.of() : List.copyOf(areas);
    }

    private static AnnualReportV1.Funding funding(ReportInput.FundingInput f, String path, Errors errors) {
        if (f == null || errors.has(path)) {
            return null;
        }
        if (f.teacherTrainingFundsYuan() > f.publicFundsBudgetYuan()) {
            errors.add(path + ".teacherTrainingFundsYuan", "must not exceed publicFundsBudgetYuan ("
                    + f.publicFundsBudgetYuan() + ")");
            return null;
        }
        return new AnnualReportV1.Funding(f.publicFundsBudgetYuan(), f.teacherTrainingFundsYuan());
    }

    private static Stage stage(String key, String path, Errors errors) {
        try {
            return Stage.valueOf(key);
        } catch (IllegalArgumentException e) {
            errors.add(path + "." + key, "unknown stage; expected PRIMARY, JUNIOR or SENIOR");
            return null;
        }
    }

    private static <V> Map<String, V> byName(Map<Stage, V> map) {
        Map<String, V> out = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            if (map.containsKey(s)) {
                out.put(s.name(), map.get(s));
            }
        }
        return out;
    }
}
