package io.balance.school;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryTest {
    @Test
    void jurisdictionsFormATreeAndOnlyRealChangesMakeRevisions() {
        Api.as(Api.admin()).body(Map.of("name", "测试省", "level", "PROVINCE")).put("/api/v1/jurisdictions/470000")
                .then().statusCode(201).body("revision", equalTo(1));
        Api.as(Api.admin()).body(Map.of("name", "测试省", "level", "PROVINCE")).put("/api/v1/jurisdictions/470000")
                .then().statusCode(200).body("revision", equalTo(1));
        Api.as(Api.admin()).body(Map.of("name", "洛阳市", "level", "CITY", "parentCode", "470000"))
                .put("/api/v1/jurisdictions/470300").then().statusCode(201);
        Api.as(Api.admin()).body(Map.of("name", "伊川县", "level", "COUNTY", "parentCode", "470300",
                "residentPopulation", 350000)).put("/api/v1/jurisdictions/470329").then().statusCode(201)
                .body("level", equalTo("COUNTY")).body("revision", equalTo(1));
        Api.as(Api.admin()).body(Map.of("name", "伊川县", "level", "COUNTY", "parentCode", "470300",
                "residentPopulation", 351000)).put("/api/v1/jurisdictions/470329").then().statusCode(200)
                .body("revision", equalTo(2)).body("residentPopulation", equalTo(351000));
        Api.as(Api.admin()).get("/api/v1/jurisdictions/470329").then().statusCode(200)
                .body("name", equalTo("伊川县")).body("parentCode", equalTo("470300"));
        Api.as(Api.admin()).get("/api/v1/jurisdictions/470300/children").then().statusCode(200)
                .body("code", equalTo(List.of("470329")));
        Api.as(Api.admin()).get("/api/v1/jurisdictions/479999").then().statusCode(404);
        // a county directly under a province (省直辖县级行政单位) is fine; a county under a county is not
        Api.as(Api.admin()).body(Map.of("name", "济源", "level", "COUNTY", "parentCode", "470000",
                "residentPopulation", 730000)).put("/api/v1/jurisdictions/479001").then().statusCode(201);
        Api.as(Api.admin()).body(Map.of("name", "x", "level", "COUNTY", "parentCode", "470329",
                "residentPopulation", 1)).put("/api/v1/jurisdictions/470330").then().statusCode(400);
        // a school may not be registered in a city
        Api.as(Api.admin()).body(Api.school("470300", "PRIMARY")).put("/api/v1/schools/4703000001").then()
                .statusCode(400).body("errors[0].field", equalTo("countyCode"));
    }

    @Test
    void aCountysPopulationSplitIsAllThreeAreasAddingUpToItsResidentPopulation() {
        Api.county("480330");
        String url = "/api/v1/jurisdictions/480330";
        Map<String, Object> county = Map.of("name", "分区县", "level", "COUNTY", "parentCode", "480300",
                "residentPopulation", 300000);
        Api.as(Api.admin()).body(with(county, Map.of("urbanPopulation", 100000, "townPopulation", 80000)))
                .put(url).then().statusCode(400).body("errors.field", equalTo(List.of("ruralPopulation")));
        // 100000 + 80000 + 119999 = 299999: one person short of the total
        Api.as(Api.admin()).body(with(county, Map.of("urbanPopulation", 100000, "townPopulation", 80000,
                "ruralPopulation", 119999))).put(url).then().statusCode(400)
                .body("errors.field", equalTo(List.of("ruralPopulation")));
        Api.as(Api.admin()).body(with(county, Map.of("urbanPopulation", -1, "townPopulation", 80000,
                "ruralPopulation", 220001))).put(url).then().statusCode(400)
                .body("errors.field", hasItems("urbanPopulation"));
        Api.as(Api.admin()).body(Map.of("name", "市", "level", "CITY", "parentCode", "480000", "urbanPopulation", 1,
                "townPopulation", 1, "ruralPopulation", 1)).put("/api/v1/jurisdictions/480300").then().statusCode(400)
                .body("errors.field", equalTo(List.of("urbanPopulation")));
        long before = Api.as(Api.admin()).get(url).jsonPath().getLong("revision");
        Api.as(Api.admin()).body(with(county, Map.of("urbanPopulation", 100000, "townPopulation", 80000,
                "ruralPopulation", 120000))).put(url).then().statusCode(200)
                .body("urbanPopulation", equalTo(100000)).body("townPopulation", equalTo(80000))
                .body("ruralPopulation", equalTo(120000)).body("revision", equalTo((int) before + 1));
        // the same again changes nothing; leaving the split out clears it (a new revision)
        Api.as(Api.admin()).body(with(county, Map.of("urbanPopulation", 100000, "townPopulation", 80000,
                "ruralPopulation", 120000))).put(url).then().statusCode(200).body("revision", equalTo((int) before + 1));
        Api.as(Api.admin()).body(county).put(url).then().statusCode(200)
                .body("urbanPopulation", equalTo(null)).body("revision", equalTo((int) before + 2));
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        var all = new java.util.LinkedHashMap<>(base);
        all.putAll(more);
        return all;
    }

    @Test
    void schoolsAreRegisteredChangedAndListedPaged() {
        Api.county("480329");
        for (int i = 1; i <= 5; i++) {
            Api.as(Api.admin()).body(Map.of("name", "城关第" + i + "小学", "countyCode", "480329", "type",
                    i == 5 ? "九年一贯制学校" : "PRIMARY", "location", "URBAN", "publicSchool", true, "boarding", false))
                    .put("/api/v1/schools/48032900" + String.format("%02d", i)).then().statusCode(201);
        }
        Api.as(Api.admin()).get("/api/v1/schools/4803290005").then().statusCode(200)
                .body("type", equalTo("NINE_YEAR")).body("stages", equalTo(List.of("PRIMARY", "JUNIOR")))
                .body("revision", equalTo(1));
        Api.as(Api.admin()).body(Map.of("name", "城关第五学校", "countyCode", "480329", "type", "NINE_YEAR",
                "location", "URBAN", "publicSchool", true, "boarding", true)).put("/api/v1/schools/4803290005")
                .then().statusCode(200).body("revision", equalTo(2)).body("boarding", equalTo(true));
        Api.as(Api.admin()).get("/api/v1/schools?countyCode=480329&size=2&page=1").then().statusCode(200)
                .body("total", equalTo(5)).body("items", hasSize(2))
                .body("items.schoolCode", equalTo(List.of("4803290003", "4803290004")));
        Api.as(Api.admin()).get("/api/v1/schools?countyCode=480329&type=NINE_YEAR").then()
                .body("items.schoolCode", equalTo(List.of("4803290005")));
        Api.as(Api.admin()).get("/api/v1/schools?countyCode=480329&size=0").then().statusCode(400)
                .body("errors.field", hasItems("size"));
        Api.as(Api.admin()).get("/api/v1/schools?countyCode=480329&page=x").then().statusCode(400)
                .body("errors.field", hasItems("page"));
    }
}
