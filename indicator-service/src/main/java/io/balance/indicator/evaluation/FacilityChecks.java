package io.balance.indicator.evaluation;

import static io.balance.indicator.calc.Numbers.atLeast;
import static io.balance.indicator.calc.Numbers.r4;

import io.balance.indicator.calc.Numbers;
import io.balance.indicator.calc.ReportFields;
import io.balance.indicator.calc.Stages;
import io.balance.indicator.evaluation.CountyInputs.ApprovedReport;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks on each school's buildings and classes (G3 music and art rooms, G4 school size, G5 class size). */
final class FacilityChecks {
    private FacilityChecks() {
    }

    // G3: per 12 classes one music and one art room, each of at least the minimum area
    static void musicArtRooms(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> schools) {
        double perRooms = CheckParams.number(p, "classesPerRoom", 12);
        double musicMin = CheckParams.number(p, "musicRoomMinM2", 96);
        double artMin = CheckParams.number(p, "artRoomMinM2", 90);
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
            List<Double> music = CheckParams.nonNull(r.report().facilities().musicRoomAreasM2());
            List<Double> art = CheckParams.nonNull(r.report().facilities().artRoomAreasM2());
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

    static void rooms(String kind, List<Double> areas, int required, double minArea,
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
    static void schoolSize(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> schools) {
        Map<String, Double> limits = CheckParams.numbers(p.get("limits"));
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
    static void classSize(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> schools) {
        Map<String, Double> limits = CheckParams.numbers(p.get("limits"));
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

    // Jiangxi: every special-room category the school's stages need (小学7类, 初中9类专用教室)
    static void specialRooms(CheckBuilder b, Map<String, Object> p, List<ApprovedReport> schools) {
        Map<String, List<String>> required = new LinkedHashMap<>();
        if (p.get("required") instanceof Map<?, ?> m) {
            m.forEach((stage, rooms) -> required.put(String.valueOf(stage), CheckParams.strings(rooms)));
        }
        for (ApprovedReport r : schools) {
            List<String> needed = new ArrayList<>();
            for (var e : required.entrySet()) {
                if (ReportFields.students(r.report(), e.getKey()) > 0) {
                    e.getValue().stream().filter(room -> !needed.contains(room)).forEach(needed::add);
                }
            }
            if (needed.isEmpty()) {
                continue;
            }
            if (r.report().facilities() == null || r.report().facilities().specialRooms() == null) {
                b.missing("reports." + r.school().schoolCode() + ".facilities.specialRooms");
                continue;
            }
            List<String> has = r.report().facilities().specialRooms().stream().map(Enum::name).toList();
            List<String> lacking = needed.stream().filter(room -> !has.contains(room)).toList();
            if (!lacking.isEmpty()) {
                b.school(r, (needed.size() - lacking.size()) + " of " + needed.size()
                        + " special-room categories; lacking " + String.join(", ", lacking),
                        Map.of("specialRooms", (double) lacking.size()));
            }
        }
    }
}
