package io.balance.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 naming every field, never a 500; 401/403/404/409/429 are problem details too. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class ProblemAndCallerTest {
    static final String VALID = """
            {"name":"a","color":"RED","size":3,"parts":[{"label":"x","count":1}],"stock":{"GREEN":2}}""";

    static RequestSpecification as(String role, String jurisdiction) {
        return given().auth().oauth2(EmbeddedInfra.keys().mint("u-" + role, role, jurisdiction))
                .contentType("application/json");
    }

    static RequestSpecification admin() {
        return as("SYSTEM_ADMIN", null);
    }

    @Test
    void validBodyBindsToTheRecord() {
        admin().body(VALID).post("/api/probe/items").then().statusCode(200).body("parts[0].label", equalTo("x"));
    }

    @Test
    void beanValidationNamesEveryFieldByItsJsonPath() {
        admin().body("""
                {"name":" ","color":"RED","size":101,"parts":[{"label":"x","count":1},{"label":"","count":-1}],
                 "stock":{"GREEN":0}}""").post("/api/probe/items")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://balance.local/problems/validation"))
                .body("detail", equalTo("5 fields are invalid"))
                .body("instance", equalTo("/api/probe/items"))
                .body("errors.field", containsInAnyOrder("name", "size", "parts[1].label", "parts[1].count",
                        "stock.GREEN"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnumValuesAre400sNamingTheField() {
        admin().body("{\"name\":\"a\",").post("/api/probe/items")
                .then().statusCode(400).body("errors[0].message", startsWith("malformed JSON"));
        admin().body(VALID.replace("\"size\":3", "\"size\":\"big\"")).post("/api/probe/items")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        admin().body(VALID.replace("\"count\":1", "\"count\":[1]")).post("/api/probe/items")
                .then().statusCode(400).body("errors[0].field", equalTo("parts[0].count"));
        admin().body(VALID.replace("RED", "BLUE")).post("/api/probe/items")
                .then().statusCode(400).body("errors[0].field", equalTo("color"))
                .body("errors[0].message", equalTo("unknown value \"BLUE\"; expected one of RED, GREEN"));
        admin().body("").post("/api/probe/items").then().statusCode(400).body("errors[0].field", equalTo("(body)"));
        admin().get("/api/probe/items?year=1999").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void anUndecodableMultipartBodyIsA400NamingTheBody() {
        for (String body : new String[] {"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc",
                "--zz\r\nbad"}) {
            admin().contentType("multipart/form-data; boundary=b").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/probe/files")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("(body)"));
        }
        admin().contentType("multipart/form-data").multiPart("file", "a.csv", "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/probe/files").then().statusCode(200);
    }

    @Test
    void problemsCarryTheirStatusTypeAndHeaders() {
        admin().get("/api/probe/limited").then().statusCode(429).header("Retry-After", "7")
                .body("type", equalTo("https://balance.local/problems/rate-limited"));
        admin().get("/api/probe/conflict").then().statusCode(409)
                .body("type", equalTo("https://balance.local/problems/already-answered"));
        admin().get("/api/probe/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/probe/caller").then().statusCode(401);
    }

    @Test
    void callerReadsRoleJurisdictionAndDepartmentFromTheToken() {
        as("COUNTY_ADMIN", "410329").get("/api/probe/caller").then().statusCode(200)
                .body("role", equalTo("COUNTY_ADMIN")).body("jurisdiction", equalTo("410329"));
        admin().get("/api/probe/caller").then().statusCode(200).body("role", equalTo("SYSTEM_ADMIN"));
    }

    @Test
    void outsideTheJurisdictionIs404InsideButWrongRoleIs403() {
        as("PROVINCE_ADMIN", "410000").get("/api/probe/counties/410329").then().statusCode(200);
        as("COUNTY_ADMIN", "410329").get("/api/probe/counties/410329").then().statusCode(403);
        as("COUNTY_ADMIN", "410328").get("/api/probe/counties/410329").then().statusCode(404);
        as("SCHOOL_REPORTER", "4103290001").get("/api/probe/counties/410329").then().statusCode(404);
        as("CITY_ADMIN_UNKNOWN", "410300").get("/api/probe/counties/410329").then().statusCode(403);
    }
}
