package io.balance.school.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.contracts.AnnualReportV1;
import io.balance.school.common.Errors;
import io.balance.school.common.Json;
import io.balance.school.registry.SchoolType;
import io.balance.school.registry.Stage;
import java.time.Year;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an annual report in the contract's shape and checks it completely, collecting every problem with
 * its JSON path: types, ranges, subsets that may not exceed their whole, stages the school type has, and
 * class sizes that add up to the stage's students. Returns the normalised report only when all is well.
 */
public final class ReportValidator {
    static final Set<String> TOP = Set.of("students", "classSizes", "teachers", "facilities", "funding", "boarders");
    static final Set<String> FACILITIES = Set.of("teachingAuxAreaM2", "sportsAreaM2", "equipmentValueYuan",
            "multimediaClassrooms", "computers", "books", "musicRoomAreasM2", "artRoomAreasM2", "specialRooms");
    static final Set<String> FUNDING = Set.of("publicFundsBudgetYuan", "teacherTrainingFundsYuan");
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

    // plausibility bounds: beyond these a number is a typo, not a school
    static final long MAX_STUDENTS = 20_000;
    static final long MAX_CLASS_SIZE = 120;
    static final long MAX_CLASSES = 300;
    static final long MAX_TEACHERS = 3_000;
    static final double MAX_AREA_M2 = 2_000_000;
    static final double MAX_ROOM_M2 = 2_000;
    static final double MAX_YUAN = 10_000_000_000.0;
    static final long MAX_ROOMS = 2_000;
    static final long MAX_COMPUTERS = 50_000;
    static final long MAX_BOOKS = 10_000_000;
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

    public static AnnualReportV1 validate(JsonNode root, SchoolType type, String path, Errors errors) {
        int before = errors.size();
        if (root == null || !root.isObject()) {
            errors.add(path.isEmpty() ? "(body)" : path, "must be a JSON object (the annual report)");
            return null;
        }
        Json.rejectUnknown(root, path, TOP, errors);

        // students per stage
        Map<Stage, Integer> students = new LinkedHashMap<>();
        JsonNode studentsNode = Json.object(root, "students", path, true, errors);
        String sPath = Json.child(path, "students");
        if (studentsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = studentsNode.fields(); it.hasNext(); ) {
                var e = it.next();
                Stage stage = stage(e.getKey(), sPath, errors);
                Long n = Json.integer(e.getValue(), sPath + "." + e.getKey(), true, 0, MAX_STUDENTS, errors);
                if (stage != null && n != null) {
                    if (n > 0 && !type.has(stage)) {
                        errors.add(sPath + "." + stage, "a " + type + " school has no " + stage
                                + " stage (it has " + type.stages() + "); must be 0 or absent");
                    }
                    students.put(stage, n.intValue());
                }
            }
            for (Stage s : type.stages()) {
                students.putIfAbsent(s, 0);
            }
            if (!errors.has(sPath) && type.stages().stream().filter(Stage::compulsory)
                    .mapToInt(s -> students.getOrDefault(s, 0)).sum() == 0) {
                errors.add(sPath, "a " + type + " school reports students in at least one of "
                        + type.stages().stream().filter(Stage::compulsory).toList());
            }
        }

        // class sizes per stage
        Map<Stage, List<Integer>> classSizes = new LinkedHashMap<>();
        JsonNode classNode = Json.object(root, "classSizes", path, false, errors);
        String cPath = Json.child(path, "classSizes");
        if (classNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = classNode.fields(); it.hasNext(); ) {
                var e = it.next();
                Stage stage = stage(e.getKey(), cPath, errors);
                String field = cPath + "." + e.getKey();
                JsonNode list = e.getValue();
                if (list == null || !list.isArray()) {
                    errors.add(field, "must be an array of class sizes, got " + Json.kind(list));
                    continue;
                }
                if (list.size() > MAX_CLASSES) {
                    errors.add(field, "more than " + MAX_CLASSES + " classes is implausible");
                    continue;
                }
                List<Integer> sizes = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < list.size(); i++) {
                    Long n = Json.integer(list.get(i), field + "[" + i + "]", true, 1, MAX_CLASS_SIZE, errors);
                    if (n == null) {
                        ok = false;
                    } else {
                        sizes.add(n.intValue());
                    }
                }
                if (stage != null && ok) {
                    if (!sizes.isEmpty() && !type.has(stage)) {
                        errors.add(field, "a " + type + " school has no " + stage + " stage");
                    }
                    classSizes.put(stage, sizes);
                }
            }
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

        // teachers per stage
        Map<Stage, AnnualReportV1.Teachers> teachers = new LinkedHashMap<>();
        JsonNode teachersNode = Json.object(root, "teachers", path, true, errors);
        String tPath = Json.child(path, "teachers");
        if (teachersNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = teachersNode.fields(); it.hasNext(); ) {
                var e = it.next();
                Stage stage = stage(e.getKey(), tPath, errors);
                String field = tPath + "." + e.getKey();
                AnnualReportV1.Teachers t = teachers(e.getValue(), field, errors);
                if (stage != null && t != null) {
                    if (!type.has(stage) && t.fullTime() > 0) {
                        errors.add(field, "a " + type + " school has no " + stage + " stage");
                    }
                    teachers.put(stage, t);
                }
            }
            for (Stage s : type.stages()) {
                Integer n = students.get(s);
                if (s.compulsory() && n != null && n > 0 && !teachersNode.has(s.name())) {
                    errors.add(tPath + "." + s, "is required: the stage has " + n + " students");
                }
            }
        }

        AnnualReportV1.Facilities facilities = facilities(Json.object(root, "facilities", path, true, errors),
                Json.child(path, "facilities"), errors);
        AnnualReportV1.Funding funding = funding(Json.object(root, "funding", path, false, errors),
                Json.child(path, "funding"), errors);
        // optional: boarders (寄宿生), at most the school's students
        Long boarders = Json.integer(root.get("boarders"), Json.child(path, "boarders"), false, 0, MAX_STUDENTS, errors);
        int total = students.values().stream().filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).sum();
        if (boarders != null && boarders > total) {
            errors.add(Json.child(path, "boarders"), "must not exceed the school's students (" + total + ")");
        }

        if (errors.size() > before) {
            return null;
        }
        return new AnnualReportV1(byName(students), byName(classSizes), byName(teachers), facilities, funding,
                boarders == null ? null : boarders.intValue());
    }

    private static Stage stage(String key, String path, Errors errors) {
        try {
            return Stage.valueOf(key);
        } catch (IllegalArgumentException e) {
            errors.add(path + "." + key, "unknown stage; expected PRIMARY, JUNIOR or SENIOR");
            return null;
        }
    }

    private static AnnualReportV1.Teachers teachers(JsonNode node, String path, Errors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be an object of teacher counts, got " + Json.kind(node));
            return null;
        }
        int before = errors.size();
        Json.rejectUnknown(node, path, new java.util.LinkedHashSet<>(TEACHER_FIELDS), errors);
        Map<String, Integer> v = new LinkedHashMap<>();
        for (String f : TEACHER_FIELDS) {
            Long n = Json.integer(node.get(f), path + "." + f, true, 0, MAX_TEACHERS, errors);
            if (n != null) {
                v.put(f, n.intValue());
            }
        }
        for (String[] rule : TEACHER_SUBSETS) {
            Integer part = v.get(rule[0]);
            Integer whole = v.get(rule[1]);
            if (part != null && whole != null && part > whole) {
                errors.add(path + "." + rule[0], "must not exceed " + rule[1] + " (" + whole + "), got " + part);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new AnnualReportV1.Teachers(v.get("fullTime"), v.get("aboveRequiredDegree"),
                v.get("backboneCountyOrAbove"), v.get("backboneCityOrAbove"), v.get("peArtMusic"),
                v.get("intermediateTitleOrAbove"), v.get("certified"), v.get("training360Completed"),
                v.get("rotationEligible"), v.get("rotated"), v.get("rotatedBackbone"));
    }

    private static AnnualReportV1.Facilities facilities(JsonNode node, String path, Errors errors) {
        if (node == null) {
            return null;
        }
        int before = errors.size();
        Json.rejectUnknown(node, path, FACILITIES, errors);
        Double teaching = Json.number(node.get("teachingAuxAreaM2"), path + ".teachingAuxAreaM2", true, 0, MAX_AREA_M2, errors);
        Double sports = Json.number(node.get("sportsAreaM2"), path + ".sportsAreaM2", true, 0, MAX_AREA_M2, errors);
        Double equipment = Json.number(node.get("equipmentValueYuan"), path + ".equipmentValueYuan", true, 0, MAX_YUAN, errors);
        Long multimedia = Json.integer(node.get("multimediaClassrooms"), path + ".multimediaClassrooms", true, 0, MAX_ROOMS, errors);
        Long computers = Json.integer(node.get("computers"), path + ".computers", true, 0, MAX_COMPUTERS, errors);
        Long books = Json.integer(node.get("books"), path + ".books", true, 0, MAX_BOOKS, errors);
        List<Double> music = rooms(node.get("musicRoomAreasM2"), path + ".musicRoomAreasM2", errors);
        List<Double> art = rooms(node.get("artRoomAreasM2"), path + ".artRoomAreasM2", errors);
        List<AnnualReportV1.SpecialRoom> special = specialRooms(node.get("specialRooms"), path + ".specialRooms", errors);
        if (errors.size() > before) {
            return null;
        }
        return new AnnualReportV1.Facilities(teaching, sports, equipment, multimedia.intValue(), computers.intValue(),
                books.intValue(), music, art, special);
    }

    /** Optional: the special-room categories the school has, each once; absent or null means not reported. */
    private static List<AnnualReportV1.SpecialRoom> specialRooms(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(path, "must be an array of room categories, got " + Json.kind(node));
            return null;
        }
        List<AnnualReportV1.SpecialRoom> rooms = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            AnnualReportV1.SpecialRoom room = null;
            for (AnnualReportV1.SpecialRoom r : AnnualReportV1.SpecialRoom.values()) {
                if (node.get(i).isTextual() && r.name().equals(node.get(i).asText())) {
                    room = r;
                }
            }
            if (room == null) {
                errors.add(path + "[" + i + "]", "must be one of " + List.of(AnnualReportV1.SpecialRoom.values()));
            } else if (rooms.contains(room)) {
                errors.add(path + "[" + i + "]", room + " is listed twice");
            } else {
                rooms.add(room);
            }
        }
        return rooms;
    }

    /** Areas of the individual music or art rooms (one entry per room); absent means none. */
    private static List<Double> rooms(JsonNode node, String path, Errors errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(path, "must be an array of room areas in m², got " + Json.kind(node));
            return null;
        }
        if (node.size() > 200) {
            errors.add(path, "more than 200 rooms is implausible");
            return null;
        }
        List<Double> areas = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Double a = Json.number(node.get(i), path + "[" + i + "]", true, 0, MAX_ROOM_M2, errors);
            if (a != null && a == 0) {
                errors.add(path + "[" + i + "]", "a room's area must be positive");
            } else if (a != null) {
                areas.add(a);
            }
        }
        return areas;
    }

    private static AnnualReportV1.Funding funding(JsonNode node, String path, Errors errors) {
        if (node == null) {
            return null;
        }
        int before = errors.size();
        Json.rejectUnknown(node, path, FUNDING, errors);
        Double budget = Json.number(node.get("publicFundsBudgetYuan"), path + ".publicFundsBudgetYuan", true, 0, MAX_YUAN, errors);
        Double training = Json.number(node.get("teacherTrainingFundsYuan"), path + ".teacherTrainingFundsYuan", true, 0, MAX_YUAN, errors);
        if (budget != null && training != null && training > budget) {
            errors.add(path + ".teacherTrainingFundsYuan", "must not exceed publicFundsBudgetYuan (" + budget + ")");
        }
        if (errors.size() > before) {
            return null;
        }
        return new AnnualReportV1.Funding(budget, training);
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
