package io.balance.school;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: each case is a 400 problem-details answer naming the field, and the stored report is left
 * exactly as it was.
 */
@QuarkusTest
class ReportValidationTest {
    static final String COUNTY = "439901";
    static final String PRIMARY = "4399010001";
    static final String NINE = "4399010002";
    static boolean ready;

    @BeforeEach
    void setUp() {
        if (ready) {
            return;
        }
        Api.county(COUNTY);
        Api.school(PRIMARY, COUNTY, "PRIMARY");
        Api.school(NINE, COUNTY, "NINE_YEAR");
        Api.as(Api.admin()).body(Api.primaryReport().toString()).put(url(PRIMARY, "2025")).then().statusCode(201);
        Api.as(Api.admin()).body(Api.nineYearReport().toString()).put(url(NINE, "2025")).then().statusCode(201);
        ready = true;
    }

    static String url(String school, String year) {
        return "/api/v1/schools/" + school + "/reports/" + year;
    }

    static Arguments bad(String name, String school, Consumer<ObjectNode> change, String field) {
        return Arguments.of(name, school, change, field);
    }

    static ObjectNode teachers(ObjectNode r) {
        return (ObjectNode) r.get("teachers").get("PRIMARY");
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("count given as text", PRIMARY, r -> teachers(r).put("fullTime", "forty"), "teachers.PRIMARY.fullTime"),
                bad("negative area", PRIMARY, r -> ((ObjectNode) r.get("facilities")).put("sportsAreaM2", -1), "facilities.sportsAreaM2"),
                bad("fractional count", PRIMARY, r -> teachers(r).put("certified", 39.5), "teachers.PRIMARY.certified"),
                bad("above-degree exceeds full-time", PRIMARY, r -> teachers(r).put("aboveRequiredDegree", 41), "teachers.PRIMARY.aboveRequiredDegree"),
                bad("city backbone exceeds county backbone", PRIMARY, r -> teachers(r).put("backboneCityOrAbove", 9), "teachers.PRIMARY.backboneCityOrAbove"),
                bad("county backbone exceeds full-time", PRIMARY, r -> teachers(r).put("backboneCountyOrAbove", 41).put("backboneCityOrAbove", 3), "teachers.PRIMARY.backboneCountyOrAbove"),
                bad("PE/art/music exceeds full-time", PRIMARY, r -> teachers(r).put("peArtMusic", 41), "teachers.PRIMARY.peArtMusic"),
                bad("certified exceeds full-time", PRIMARY, r -> teachers(r).put("certified", 41), "teachers.PRIMARY.certified"),
                bad("rotated exceeds eligible", PRIMARY, r -> teachers(r).put("rotated", 11), "teachers.PRIMARY.rotated"),
                bad("rotated backbone exceeds rotated", PRIMARY, r -> teachers(r).put("rotatedBackbone", 2), "teachers.PRIMARY.rotatedBackbone"),
                bad("junior students in a primary school", PRIMARY, r -> ((ObjectNode) r.get("students")).put("JUNIOR", 5), "students.JUNIOR"),
                bad("class sizes do not add up", PRIMARY, r -> ((ObjectNode) r.get("classSizes")).putArray("PRIMARY").add(45).add(44), "classSizes.PRIMARY"),
                bad("empty class", PRIMARY, r -> ((ObjectNode) r.get("classSizes")).putArray("PRIMARY").add(0).add(45).add(44).add(43), "classSizes.PRIMARY[0]"),
                bad("unknown stage", PRIMARY, r -> ((ObjectNode) r.get("students")).put("KINDERGARTEN", 30), "students.KINDERGARTEN"),
                bad("misspelt teacher field", PRIMARY, r -> teachers(r).put("fulltime", 40), "teachers.PRIMARY.fulltime"),
                bad("facilities missing", PRIMARY, r -> r.remove("facilities"), "facilities"),
                bad("training funds exceed the budget", PRIMARY, r -> ((ObjectNode) r.get("funding")).put("teacherTrainingFundsYuan", 900001), "funding.teacherTrainingFundsYuan"),
                bad("music room of 0 m²", PRIMARY, r -> ((ObjectNode) r.get("facilities")).putArray("musicRoomAreasM2").add(0), "facilities.musicRoomAreasM2[0]"),
                bad("unknown special-room category", PRIMARY, r -> ((ObjectNode) r.get("facilities")).putArray("specialRooms").add("SCIENCE").add("GYM"), "facilities.specialRooms[1]"),
                bad("more boarders than students", PRIMARY, r -> r.put("boarders", 100_000), "boarders"),
                bad("negative boarders", PRIMARY, r -> r.put("boarders", -1), "boarders"),
                bad("special-room category twice", PRIMARY, r -> ((ObjectNode) r.get("facilities")).putArray("specialRooms").add("LIBRARY").add("LIBRARY"), "facilities.specialRooms[1]"),
                bad("room areas not a list", PRIMARY, r -> ((ObjectNode) r.get("facilities")).put("artRoomAreasM2", 90), "facilities.artRoomAreasM2"),
                bad("students as text", PRIMARY, r -> ((ObjectNode) r.get("students")).set("PRIMARY", TextNode.valueOf("132")), "students.PRIMARY"),
                bad("implausible student number", PRIMARY, r -> ((ObjectNode) r.get("students")).put("PRIMARY", 2_000_000), "students.PRIMARY"),
                bad("nine-year school without junior teachers", NINE, r -> ((ObjectNode) r.get("teachers")).remove("JUNIOR"), "teachers.JUNIOR"),
                bad("nine-year school with senior students", NINE, r -> ((ObjectNode) r.get("students")).put("SENIOR", 40), "students.SENIOR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badReportIs400NamingTheFieldAndChangesNothing(String name, String school, Consumer<ObjectNode> change, String field) {
        JsonNode before = Api.body(Api.as(Api.admin()).get(url(school, "2025")));
        ObjectNode report = school.equals(PRIMARY) ? Api.primaryReport() : Api.nineYearReport();
        change.accept(report);
        Api.as(Api.admin()).body(report.toString()).put(url(school, "2025")).then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("type", equalTo("https://balance.local/problems/validation"))
                .body("errors.field", hasItem(field));
        assertUnchanged(school, before);
    }

    @Test
    void specialRoomsAndBoardersAreOptionalAndKept() {
        ObjectNode r = Api.nineYearReport();
        ((ObjectNode) r.get("facilities")).putArray("specialRooms").add("SCIENCE").add("PHYSICS_LAB").add("LIBRARY");
        r.put("boarders", 40);
        Api.as(Api.admin()).body(r.toString()).put(url(NINE, "2025")).then().statusCode(200);
        Api.as(Api.admin()).get(url(NINE, "2025")).then().statusCode(200)
                .body("report.facilities.specialRooms", equalTo(java.util.List.of("SCIENCE", "PHYSICS_LAB", "LIBRARY")))
                .body("report.boarders", equalTo(40));
        Api.as(Api.admin()).body(Api.nineYearReport().toString()).put(url(NINE, "2025")).then().statusCode(200);
    }

    @Test
    void everyViolationIsReportedInOneAnswer() {
        JsonNode before = Api.body(Api.as(Api.admin()).get(url(PRIMARY, "2025")));
        ObjectNode r = Api.primaryReport();
        teachers(r).put("aboveRequiredDegree", 41).put("rotatedBackbone", 2).put("fullTime", 40);
        ((ObjectNode) r.get("facilities")).put("books", -3);
        ((ObjectNode) r.get("classSizes")).putArray("PRIMARY").add(45);
        Api.as(Api.admin()).body(r.toString()).put(url(PRIMARY, "2025")).then().statusCode(400)
                .body("errors.field", hasItems("teachers.PRIMARY.aboveRequiredDegree",
                        "teachers.PRIMARY.rotatedBackbone", "facilities.books", "classSizes.PRIMARY"))
                .body("detail", equalTo("4 fields are invalid"));
        assertUnchanged(PRIMARY, before);
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        JsonNode before = Api.body(Api.as(Api.admin()).get(url(PRIMARY, "2025")));
        Api.as(Api.admin()).body("{\"students\": {\"PRIMARY\": 13x}}").put(url(PRIMARY, "2025")).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("students.PRIMARY"));
        Api.as(Api.admin()).body("{\"students\": ").put(url(PRIMARY, "2025")).then().statusCode(400)
                .body("errors.field", hasItem("students"));
        Api.as(Api.admin()).body("[1, 2]").put(url(PRIMARY, "2025")).then().statusCode(400)
                .body("errors.field", hasItem("(body)"));
        assertUnchanged(PRIMARY, before);
    }

    @Test
    void implausibleOrMalformedYear() {
        Api.as(Api.admin()).body(Api.primaryReport().toString()).put(url(PRIMARY, "1899")).then().statusCode(400)
                .body("errors.field", hasItem("year"));
        Api.as(Api.admin()).body(Api.primaryReport().toString()).put(url(PRIMARY, "twenty")).then().statusCode(400)
                .body("errors.field", hasItem("year"));
        Api.as(Api.admin()).get(url(PRIMARY, "1899")).then().statusCode(400);
        Api.as(Api.admin()).get("/api/v1/schools/" + PRIMARY + "/reports").then().statusCode(200)
                .body("year", equalTo(java.util.List.of(2025)));
    }

    @Test
    void badSchoolAndJurisdictionInput() {
        String code = "4399010009";
        Api.as(Api.admin()).body(Map.of("name", "x", "countyCode", COUNTY, "type", "UNIVERSITY", "location", "RURAL",
                "publicSchool", true, "boarding", false)).put("/api/v1/schools/" + code).then().statusCode(400)
                .body("errors.field", hasItem("type"));
        Api.as(Api.admin()).body(Map.of("name", "x", "countyCode", COUNTY, "type", "PRIMARY", "location", "RURAL",
                "publicSchool", "yes", "boarding", false)).put("/api/v1/schools/" + code).then().statusCode(400)
                .body("errors.field", hasItem("publicSchool"));
        Api.as(Api.admin()).body(Api.school("439999", "PRIMARY")).put("/api/v1/schools/" + code).then().statusCode(400)
                .body("errors.field", hasItem("countyCode"));
        Api.as(Api.admin()).body(Api.school(COUNTY, "PRIMARY")).put("/api/v1/schools/43990100").then().statusCode(400)
                .body("errors.field", hasItem("schoolCode"));
        Api.as(Api.admin()).get("/api/v1/schools/" + code).then().statusCode(404);

        Api.as(Api.admin()).body(Map.of("name", "某县", "level", "CITY", "parentCode", "439900", "residentPopulation", 1))
                .put("/api/v1/jurisdictions/439902").then().statusCode(400).body("errors.field", hasItem("level"));
        Api.as(Api.admin()).body(Map.of("name", "某县", "level", "COUNTY", "parentCode", "439900"))
                .put("/api/v1/jurisdictions/439902").then().statusCode(400)
                .body("errors.field", hasItem("residentPopulation"));
        Api.as(Api.admin()).body(Map.of("name", "某县", "level", "COUNTY", "parentCode", "429900", "residentPopulation", 5))
                .put("/api/v1/jurisdictions/439902").then().statusCode(400).body("errors.field", hasItem("parentCode"));
        Api.as(Api.admin()).body(Map.of("name", "某县", "level", "TOWNSHIP", "parentCode", "439900", "residentPopulation", -5))
                .put("/api/v1/jurisdictions/439902").then().statusCode(400)
                .body("errors.field", hasItems("level", "residentPopulation"));
        Api.as(Api.admin()).get("/api/v1/jurisdictions/439902").then().statusCode(404);
    }

    static void assertUnchanged(String school, JsonNode before) {
        JsonNode after = Api.body(Api.as(Api.admin()).get(url(school, "2025")));
        assertEquals(before, after, "a rejected request must not change the stored report");
    }
}
