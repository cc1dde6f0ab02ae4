package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.atLeast;
import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.evaluation.Evaluation.Check;
import io.balance.indicator.evaluation.Evaluation.SchoolIssue;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluators of assurance and quality checks (政府保障程度, 教育质量). A rule set names the evaluator
 * ({@code type}) and its numbers ({@code params}); each evaluator is a pure function of the county's reports
 * and findings. Data the county has not given yet makes a check INCOMPLETE, listing the missing inputs by the
 * field names of the findings document or the report.
 */
public final class Checks {
    public static final Set<String> TYPES = Set.of("INPUTS", "MUSIC_ART_ROOMS", "SCHOOL_SIZE", "CLASS_SIZE",
            "SMALL_SCHOOL_FUNDING", "SPECIAL_EDUCATION_FUNDING", "TEACHER_SHARE", "ROTATION", "RETENTION",
            "TRAINING_FUNDS", "MONITORING", "PUPIL_TEACHER_RATIO");

    private Checks() {
    }

    /**
     * @param schools  the county's schools that count (not excluded)
     * @param all      every approved report, excluded schools too
     * @param findings null when the county has recorded none
     */
    public static Check evaluate(RuleSet.Check check, List<ApprovedReport> schools, List<ApprovedReport> all,
            Findings findings, RuleSet rules) {
        Builder b = new Builder(check);
        Map<String, Object> p = check.params() == null ? Map.of() : check.params();
        switch (check.type()) {
            case "INPUTS" -> inputs(b, p, findings);
            case "MUSIC_ART_ROOMS" -> musicArtRooms(b, p, schools);
            case "SCHOOL_SIZE" -> schoolSize(b, p, schools);
            case "CLASS_SIZE" -> classSize(b, p, schools);
            case "SMALL_SCHOOL_FUNDING" -> smallSchoolFunding(b, p, all, findings);
            case "SPECIAL_EDUCATION_FUNDING" -> specialEducationFunding(b, p, all);
            case "TEACHER_SHARE" -> teacherShare(b, p, all);
            case "ROTATION" -> rotation(b, p, all);
            case "RETENTION" -> retention(b, p, findings);
            case "TRAINING_FUNDS" -> trainingFunds(b, p, schools);
            case "MONITORING" -> monitoring(b, p, findings);
            case "PUPIL_TEACHER_RATIO" -> pupilTeacherRatio(b, p, schools, rules);
            default -> throw new IllegalStateException("unknown check type " + check.type());
        }
        return b.build();
    }

    // INPUTS: findings that must be met, figures with minimums, figures compared with each other
    private static void inputs(Builder b, Map<String, Object> p, Findings f) {
        for (String key : strings(p.get("findings"))) {
            Findings.Finding finding = f == null ? null : f.finding(key);
            if (finding == null || finding.met() == null) {
                b.missing("findings." + key);
            } else if (!finding.met()) {
                b.fail("findings." + key + " is not met");
            }
        }
        for (var e : numbers(p.get("minimums")).entrySet()) {
            Double value = f == null ? null : f.figure(e.getKey());
            if (value == null) {
                b.missing("figures." + e.getKey());
            } else if (!atLeast(value, e.getValue())) {
                b.fail(e.getKey() + " " + r4(value) + " is below " + e.getValue());
            }
        }
        for (Object o : list(p.get("comparisons"))) {
            Map<?, ?> c = (Map<?, ?>) o;
            String figure = (String) c.get("figure");
            String atLeastFigure = (String) c.get("atLeast");
            Double value = f == null ? null : f.figure(figure);
            Double other = f == null ? null : f.figure(atLeastFigure);
            if (value == null) {
                b.missing("figures." + figure);
            }
            if (other == null) {
                b.missing("figures." + atLeastFigure);
            }
            if (value != null && other != null && !atLeast(value, other)) {
                b.fail(figure + " " + value + " is below " + atLeastFigure + " " + other);
            }
        }
    }

    // G3: per 12 classes one music and one art room, each of at least the minimum area
    private static void musicArtRooms(Builder b, Map<String, Object> p, List<ApprovedReport> schools) {
        double perRooms = number(p, "classesPerRoom", 12);
        double musicMin = number(p, "musicRoomMinM2", 96);
        double artMin = number(p, "artRoomMinM2", 90);
        for (ApprovedReport r : schools) {
            int classes = 0;
            boolean classData = true;
            for (String stage : Stages.COMPULSORY) {
                if (ReportFields.students(r.report(), stage) > 0 && ReportFields.classes(r.report(), stage).isEmpty()) {
                    b.missing("reports." + r.school().schoolCode() + ".classSizes." + stage);
                    classData = false;
                }
                classes += ReportFields.classes(r.report(), stage).size();
            }
            if (!classData) {
                continue;
            }
            if (r.report().facilities() == null) {
                b.missing("reports." + r.school().schoolCode() + ".facilities");
                continue;
            }
            int required = (int) Math.ceil(classes / perRooms);
            List<Double> music = nonNull(r.report().facilities().musicRoomAreasM2());
            List<Double> art = nonNull(r.report().facilities().artRoomAreasM2());
            Map<String, Double> needs = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            rooms("music", music, required, musicMin, needs, problems);
            rooms("art", art, required, artMin, needs, problems);
            if (!problems.isEmpty()) {
                b.school(r, classes + " classes need " + required + " music and " + required + " art rooms: "
                        + String.join("; ", problems), needs);
            }
        }
    }

    private static void rooms(String kind, List<Double> areas, int required, double minArea,
            Map<String, Double> needs, List<String> problems) {
        if (areas.size() < required) {
            problems.add(areas.size() + " " + kind + " rooms");
            needs.put(kind + "Rooms", (double) (required - areas.size()));
        }
        double small = 0;
        int count = 0;
        for (double a : areas) {
            if (!atLeast(a, minArea)) {
                small += minArea - a;
                count++;
            }
        }
        if (count > 0) {
            problems.add(count + " " + kind + " rooms under " + minArea + " m²");
            needs.put(kind + "RoomAreaM2", Numbers.ceilAmount(small, "m2"));
        }
    }

    // G4: school size in the compulsory stages
    private static void schoolSize(Builder b, Map<String, Object> p, List<ApprovedReport> schools) {
        Map<String, Double> limits = numbers(p.get("limits"));
        for (ApprovedReport r : schools) {
            Double limit = limits.get(r.school().type());
            int students = ReportFields.compulsoryStudents(r.report());
            if (limit != null && students > limit) {
                b.school(r, students + " students in the compulsory stages, limit " + limit.intValue(),
                        Map.of("studentsOverLimit", students - limit));
            }
        }
    }

    // G5: every class within the stage's limit
    private static void classSize(Builder b, Map<String, Object> p, List<ApprovedReport> schools) {
        Map<String, Double> limits = numbers(p.get("limits"));
        for (ApprovedReport r : schools) {
            List<String> problems = new ArrayList<>();
            Map<String, Double> needs = new LinkedHashMap<>();
            for (var e : limits.entrySet()) {
                if (ReportFields.students(r.report(), e.getKey()) > 0
                        && ReportFields.classes(r.report(), e.getKey()).isEmpty()) {
                    b.missing("reports." + r.school().schoolCode() + ".classSizes." + e.getKey());
                    continue;
                }
                int over = 0;
                int excess = 0;
                for (int size : ReportFields.classes(r.report(), e.getKey())) {
                    if (size > e.getValue()) {
                        over++;
                        excess += size - e.getValue().intValue();
                    }
                }
                if (over > 0) {
                    problems.add(over + " " + e.getKey() + " classes above " + e.getValue().intValue());
                    needs.put(e.getKey() + ".studentsOverLimit", (double) excess);
                }
            }
            if (!problems.isEmpty()) {
                b.school(r, String.join("; ", problems), needs);
            }
        }
    }

    // G6: rural schools and teaching points under 100 students funded as if they had 100
    private static void smallSchoolFunding(Builder b, Map<String, Object> p, List<ApprovedReport> all, Findings f) {
        double below = number(p, "studentsBelow", 100);
        double fundedAs = number(p, "fundedAsStudents", 100);
        for (ApprovedReport r : all) {
            boolean small = ("RURAL".equals(r.school().location()) || "TEACHING_POINT".equals(r.school().type()))
                    && !"SPECIAL_EDUCATION".equals(r.school().type());
            int students = ReportFields.compulsoryStudents(r.report());
            if (!small || students <= 0 || students >= below) {
                continue;
            }
            if (r.report().funding() == null) {
                b.missing("reports." + r.school().schoolCode() + ".funding");
                continue;
            }
            double required = 0;
            boolean known = true;
            for (String stage : Stages.COMPULSORY) {
                int n = ReportFields.students(r.report(), stage);
                if (n == 0) {
                    continue;
                }
                String figure = Stages.PRIMARY.equals(stage) ? "publicFundsStandardPrimaryYuan" : "publicFundsStandardJuniorYuan";
                Double standard = f == null ? null : f.figure(figure);
                if (standard == null) {
                    b.missing("figures." + figure);
                    known = false;
                } else {
                    required += fundedAs * standard * n / students;
                }
            }
            double budget = r.report().funding().publicFundsBudgetYuan();
            if (known && !atLeast(budget, required)) {
                b.school(r, students + " students funded " + budget + " yuan, less than " + Numbers.round(required, 2)
                        + " for " + (int) fundedAs, Map.of("yuan", Numbers.ceilAmount(required - budget, "yuan")));
            }
        }
    }

    // G7: special-education schools' per-student public funds
    private static void specialEducationFunding(Builder b, Map<String, Object> p, List<ApprovedReport> all) {
        double minimum = number(p, "minimumPerStudentYuan", 6000);
        for (ApprovedReport r : all) {
            if (!"SPECIAL_EDUCATION".equals(r.school().type())) {
                continue;
            }
            int students = 0;
            for (String stage : Stages.ALL) {
                students += ReportFields.students(r.report(), stage);
            }
            if (students == 0) {
                continue;
            }
            if (r.report().funding() == null) {
                b.missing("reports." + r.school().schoolCode() + ".funding");
                continue;
            }
            double perStudent = r.report().funding().publicFundsBudgetYuan() / students;
            if (!atLeast(perStudent, minimum)) {
                b.school(r, "public funds " + Numbers.round(perStudent, 2) + " yuan per student, below " + minimum,
                        Map.of("yuan", Numbers.ceilAmount((minimum - perStudent) * students, "yuan")));
            }
        }
    }

    // G9, G12: a share of all full-time teachers of the county
    private static void teacherShare(Builder b, Map<String, Object> p, List<ApprovedReport> all) {
        String field = (String) p.get("numerator");
        double minimum = number(p, "minimum", 1.0);
        double total = 0;
        double counted = 0;
        for (ApprovedReport r : all) {
            double schoolTotal = 0;
            double schoolCounted = 0;
            for (String stage : Stages.ALL) {
                schoolTotal += ReportFields.teacher(r.report(), stage, "fullTime");
                schoolCounted += ReportFields.teacher(r.report(), stage, field);
            }
            total += schoolTotal;
            counted += schoolCounted;
            if (schoolTotal > 0 && !atLeast(schoolCounted / schoolTotal, minimum)) {
                b.issue(r, field + " " + (int) schoolCounted + " of " + (int) schoolTotal + " full-time teachers",
                        Map.of("teachers", Math.ceil(minimum * schoolTotal - schoolCounted - 1e-9)));
            }
        }
        if (total == 0) {
            b.missing("reports.teachers");
            return;
        }
        double share = counted / total;
        b.detail(field + ": " + (int) counted + " of " + (int) total + " full-time teachers (" + r4(share) + ")");
        if (!atLeast(share, minimum)) {
            b.fail(field + " share " + r4(share) + " below " + minimum);
        }
    }

    // G11: rotation ≥ 10 % of eligible teachers, backbone ≥ 20 % of those rotated
    private static void rotation(Builder b, Map<String, Object> p, List<ApprovedReport> all) {
        double minRotated = number(p, "minimumRotatedShare", 0.10);
        double minBackbone = number(p, "minimumBackboneShare", 0.20);
        double eligible = 0;
        double rotated = 0;
        double backbone = 0;
        for (ApprovedReport r : all) {
            for (String stage : Stages.ALL) {
                eligible += ReportFields.teacher(r.report(), stage, "rotationEligible");
                rotated += ReportFields.teacher(r.report(), stage, "rotated");
                backbone += ReportFields.teacher(r.report(), stage, "rotatedBackbone");
            }
        }
        if (eligible == 0) {
            b.detail("no teacher eligible for rotation");
            return;
        }
        double rotatedShare = rotated / eligible;
        b.detail("rotated " + (int) rotated + " of " + (int) eligible + " eligible (" + r4(rotatedShare) + "), backbone "
                + (int) backbone);
        if (!atLeast(rotatedShare, minRotated)) {
            b.fail("rotated share " + r4(rotatedShare) + " below " + minRotated + ": "
                    + (long) Math.ceil(minRotated * eligible - rotated - 1e-9) + " more teachers must rotate");
        }
        if (rotated > 0 && !atLeast(backbone / rotated, minBackbone)) {
            b.fail("backbone share of rotated " + r4(backbone / rotated) + " below " + minBackbone);
        } else if (rotated == 0 && minBackbone > 0) {
            b.fail("no backbone teacher rotated");
        }
    }

    // Q1: 初中三年巩固率
    private static void retention(Builder b, Map<String, Object> p, Findings f) {
        double minimum = number(p, "minimum", 0.95);
        if (f == null || f.retention() == null) {
            b.missing("retention");
            return;
        }
        double rate = f.retention().rate();
        b.detail("retention " + r4(rate));
        if (!atLeast(rate, minimum)) {
            b.fail("retention " + r4(rate) + " below " + minimum);
        }
    }

    // Q4: teacher training funds ≥ 5 % of each school's public-funds budget
    private static void trainingFunds(Builder b, Map<String, Object> p, List<ApprovedReport> schools) {
        double minimum = number(p, "minimumShare", 0.05);
        for (ApprovedReport r : schools) {
            if (r.report().funding() == null) {
                b.missing("reports." + r.school().schoolCode() + ".funding");
                continue;
            }
            double budget = r.report().funding().publicFundsBudgetYuan();
            double training = r.report().funding().teacherTrainingFundsYuan();
            if (budget > 0 && !atLeast(training / budget, minimum)) {
                b.school(r, "training funds " + r4(training / budget) + " of the budget, below " + minimum,
                        Map.of("yuan", Numbers.ceilAmount(minimum * budget - training, "yuan")));
            }
        }
    }

    // Q9: every monitored subject at level III or above and difference rate below 0.15
    private static void monitoring(Builder b, Map<String, Object> p, Findings f) {
        double minLevel = number(p, "minimumLevel", 3);
        double below = number(p, "differenceRateBelow", 0.15);
        if (f == null || f.monitoring() == null || f.monitoring().isEmpty()) {
            b.missing("monitoring");
            return;
        }
        for (Findings.Monitoring m : f.monitoring()) {
            if (m.level() < minLevel) {
                b.fail(m.subject() + " at level " + m.level() + ", below " + (int) minLevel);
            }
            if (!(m.differenceRate() < below)) {
                b.fail(m.subject() + " difference rate " + m.differenceRate() + " not below " + below);
            }
        }
    }

    // Jiangxi on-site form: students per full-time teacher within the stage's ratio
    private static void pupilTeacherRatio(Builder b, Map<String, Object> p, List<ApprovedReport> schools, RuleSet rules) {
        Map<String, Double> limits = numbers(p.get("maxStudentsPerTeacher"));
        for (ApprovedReport r : schools) {
            for (var e : limits.entrySet()) {
                int students = ReportFields.students(r.report(), e.getKey());
                if (students == 0) {
                    continue;
                }
                double teachers = ReportFields.teacher(r.report(), e.getKey(), "fullTime");
                if (teachers == 0 || students / teachers > e.getValue() + 1e-9) {
                    double needed = Math.ceil(students / e.getValue() - teachers - 1e-9);
                    b.school(r, e.getKey() + " " + students + " students for " + (int) teachers + " teachers (limit 1:"
                            + e.getValue() + ")", Map.of(e.getKey() + ".teachers", needed));
                }
            }
        }
    }

    private static double number(Map<String, Object> p, String key, double fallback) {
        Object v = p.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object e : list(o)) {
            out.add(String.valueOf(e));
        }
        return out;
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static Map<String, Double> numbers(Object o) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if (e.getValue() instanceof Number n) {
                    out.put(String.valueOf(e.getKey()), n.doubleValue());
                }
            }
        }
        return out;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Collects one check's outcome. Failing schools fail the check; other school issues are informative. */
    private static final class Builder {
        private final RuleSet.Check check;
        private final List<String> failures = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private final List<SchoolIssue> schools = new ArrayList<>();
        private final List<String> details = new ArrayList<>();

        Builder(RuleSet.Check check) {
            this.check = check;
        }

        void fail(String reason) {
            failures.add(reason);
        }

        void missing(String input) {
            if (!missing.contains(input)) {
                missing.add(input);
            }
        }

        void detail(String text) {
            details.add(text);
        }

        void school(ApprovedReport r, String detail, Map<String, Double> needs) {
            issue(r, detail, needs);
            failures.add(r.school().schoolCode() + ": " + detail);
        }

        void issue(ApprovedReport r, String detail, Map<String, Double> needs) {
            schools.add(new SchoolIssue(r.school().schoolCode(), r.school().name(), detail, needs));
        }

        Check build() {
            String status = !failures.isEmpty() ? Evaluation.FAIL
                    : !missing.isEmpty() ? Evaluation.INCOMPLETE : Evaluation.PASS;
            List<String> text = new ArrayList<>(details);
            text.addAll(failures.size() > 20 ? failures.subList(0, 20) : failures);
            if (failures.size() > 20) {
                text.add((failures.size() - 20) + " more");
            }
            return new Check(check.id(), check.name(), status, text.isEmpty() ? null : String.join("; ", text),
                    schools, missing);
        }
    }
}
