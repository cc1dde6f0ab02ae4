package io.balance.school;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.balance.infra.EmbeddedInfra;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Test helpers: tokens of every role, registry fixtures through the API, and valid reports to break. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    public static String admin() {
        return EmbeddedInfra.keys().mint("admin", "SYSTEM_ADMIN", null);
    }

    public static String token(String user, String role, String jurisdiction) {
        return EmbeddedInfra.keys().mint(user, role, jurisdiction);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates province PP0000, city PPCC00 and county code (idempotent). */
    public static void county(String county) {
        String province = county.substring(0, 2) + "0000";
        String city = county.substring(0, 4) + "00";
        put("/api/v1/jurisdictions/" + province, Map.of("name", "省" + province, "level", "PROVINCE"));
        put("/api/v1/jurisdictions/" + city, Map.of("name", "市" + city, "level", "CITY", "parentCode", province));
        put("/api/v1/jurisdictions/" + county, Map.of("name", "县" + county, "level", "COUNTY", "parentCode", city,
                "residentPopulation", 350000));
    }

    private static void put(String path, Object body) {
        int status = as(admin()).body(body).put(path).statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError("PUT " + path + " gave " + status);
        }
    }

    public static Map<String, Object> school(String county, String type) {
        return Map.of("name", "测试学校", "countyCode", county, "type", type, "location", "RURAL",
                "publicSchool", true, "boarding", false);
    }

    public static void school(String code, String county, String type) {
        put("/api/v1/schools/" + code, school(county, type));
    }

    /** A valid PRIMARY-school report with 132 students (45 + 44 + 43). */
    public static ObjectNode primaryReport() {
        return parse("""
                {"students": {"PRIMARY": 132, "JUNIOR": 0, "SENIOR": 0},
                 "classSizes": {"PRIMARY": [45, 44, 43], "JUNIOR": []},
                 "teachers": {"PRIMARY": {"fullTime": 40, "aboveRequiredDegree": 30, "backboneCountyOrAbove": 8,
                     "backboneCityOrAbove": 3, "peArtMusic": 6, "intermediateTitleOrAbove": 20, "certified": 40,
                     "training360Completed": 40, "rotationEligible": 10, "rotated": 1, "rotatedBackbone": 0}},
                 "facilities": {"teachingAuxAreaM2": 3000, "sportsAreaM2": 6000, "equipmentValueYuan": 1500000,
                     "multimediaClassrooms": 15, "computers": 60, "books": 18000,
                     "musicRoomAreasM2": [96.0], "artRoomAreasM2": [90.0]},
                 "funding": {"publicFundsBudgetYuan": 900000, "teacherTrainingFundsYuan": 50000}}
                """);
    }

    /** A valid NINE_YEAR report: 300 primary, 200 junior students. */
    public static ObjectNode nineYearReport() {
        ObjectNode r = primaryReport();
        ((ObjectNode) r.get("students")).put("PRIMARY", 300).put("JUNIOR", 200);
        ObjectNode sizes = (ObjectNode) r.get("classSizes");
        sizes.putArray("PRIMARY").add(50).add(50).add(50).add(50).add(50).add(50);
        sizes.putArray("JUNIOR").add(50).add(50).add(50).add(50);
        ((ObjectNode) r.get("teachers")).set("JUNIOR", r.get("teachers").get("PRIMARY").deepCopy());
        return r;
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode body(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
