package io.balance.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.balance.infra.EmbeddedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jurisdiction is enforced everywhere: 401 without a valid token, 404 outside scope, 403 for read-only. */
@QuarkusTest
class ScopeTest {
    static final String A = "460101";
    static final String B = "460102";
    static final String A1 = "4601010001";
    static final String A2 = "4601010002";
    static final String B1 = "4601020001";
    static final String OTHER = "4501010001";
    static boolean ready;

    @BeforeEach
    void setUp() {
        if (ready) {
            return;
        }
        Api.county(A);
        Api.county(B);
        Api.county("450101");
        Api.school(A1, A, "PRIMARY");
        Api.school(A2, A, "PRIMARY");
        Api.school(B1, B, "PRIMARY");
        Api.school(OTHER, "450101", "PRIMARY");
        ready = true;
    }

    static String report(String school) {
        return "/api/v1/schools/" + school + "/reports/2025";
    }

    @Test
    void noValidTokenIs401() {
        given().get("/api/v1/schools/" + A1).then().statusCode(401);
        given().get("/api/v1/jurisdictions/" + A).then().statusCode(401);
        given().contentType("application/json").body("{}").put("/api/v1/schools/" + A1).then().statusCode(401);
        given().post("/api/v1/counties/" + A + "/reports/2025/import").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/v1/schools/" + A1).then().statusCode(401);
        String expired = EmbeddedInfra.keys().mint("old", "SYSTEM_ADMIN", null, Duration.ofSeconds(-120));
        given().auth().oauth2(expired).get("/api/v1/schools/" + A1).then().statusCode(401);
        // health stays open for operators (on the management port)
        Management.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void countyAdministratorSeesAndChangesOnlyItsCounty() {
        String admin = Api.token("ca", "COUNTY_ADMIN", A);
        Api.as(admin).get("/api/v1/schools/" + A1).then().statusCode(200);
        Api.as(admin).get("/api/v1/schools/" + B1).then().statusCode(404);
        Api.as(admin).body(Api.school(B, "PRIMARY")).put("/api/v1/schools/" + B1).then().statusCode(404);
        Api.as(admin).body(Api.school(B, "PRIMARY")).put("/api/v1/schools/4601010077").then().statusCode(400)
                .body("errors[0].field", equalTo("countyCode"));
        Api.as(admin).get("/api/v1/schools?countyCode=" + B).then().statusCode(404);
        Api.as(admin).get("/api/v1/schools").then().statusCode(200)
                .body("items.schoolCode", equalTo(List.of(A1, A2)));
        Api.as(admin).get("/api/v1/jurisdictions/" + A).then().statusCode(200);
        Api.as(admin).get("/api/v1/jurisdictions/460100").then().statusCode(404);
        Api.as(admin).body(Map.of("name", "改名", "level", "COUNTY", "parentCode", "460100", "residentPopulation", 1))
                .put("/api/v1/jurisdictions/" + A).then().statusCode(403);
        Api.as(admin).body(Map.of("name", "新县", "level", "COUNTY", "parentCode", "460100", "residentPopulation", 1))
                .put("/api/v1/jurisdictions/460109").then().statusCode(404);
        Api.as(admin).body(Api.school(A, "JUNIOR")).put("/api/v1/schools/" + A2).then().statusCode(200);
        Api.as(admin).body(Api.school(A, "PRIMARY")).put("/api/v1/schools/" + A2).then().statusCode(200);
        Api.as(admin).body(Api.primaryReport().toString()).put(report(B1)).then().statusCode(404);
    }

    @Test
    void provincesAreCreatedBySystemAdministratorsOnly() {
        String province = Api.token("pa", "PROVINCE_ADMIN", "460000");
        Api.as(province).body(Map.of("name", "新县", "level", "COUNTY", "parentCode", "460100", "residentPopulation", 120000))
                .put("/api/v1/jurisdictions/460103").then().statusCode(201);
        Api.as(province).body(Map.of("name", "新市", "level", "CITY", "parentCode", "460000"))
                .put("/api/v1/jurisdictions/460200").then().statusCode(201);
        Api.as(province).body(Map.of("name", "本省", "level", "PROVINCE")).put("/api/v1/jurisdictions/460000")
                .then().statusCode(403);
        Api.as(province).body(Map.of("name", "邻省", "level", "PROVINCE")).put("/api/v1/jurisdictions/440000")
                .then().statusCode(404);
        Api.as(province).body(Map.of("name", "邻市", "level", "CITY", "parentCode", "450000"))
                .put("/api/v1/jurisdictions/450200").then().statusCode(404);
        Api.as(province).get("/api/v1/schools/" + OTHER).then().statusCode(404);
        Api.as(province).get("/api/v1/schools/" + B1).then().statusCode(200);
        Api.as(Api.admin()).body(Map.of("name", "邻省", "level", "PROVINCE")).put("/api/v1/jurisdictions/440000")
                .then().statusCode(201);
    }

    @Test
    void schoolReporterWritesAndSubmitsOnlyItsOwnReport() {
        String reporter = Api.token("rep", "SCHOOL_REPORTER", A1);
        Api.as(reporter).get("/api/v1/schools/" + A1).then().statusCode(200);
        Api.as(reporter).get("/api/v1/schools/" + A2).then().statusCode(404);
        Api.as(reporter).get("/api/v1/schools?countyCode=" + A).then().statusCode(200)
                .body("items.schoolCode", equalTo(List.of(A1)));
        Api.as(reporter).get("/api/v1/jurisdictions/" + A).then().statusCode(404);
        Api.as(reporter).body(Api.school(A, "PRIMARY")).put("/api/v1/schools/" + A1).then().statusCode(403);
        Api.as(reporter).body(Api.primaryReport().toString()).put(report(A2)).then().statusCode(404);
        Api.as(reporter).body(Api.primaryReport().toString()).put(report(A1)).then().statusCode(201);
        Api.as(reporter).post(report(A1) + "/submit").then().statusCode(200);
        Api.as(reporter).post(report(A1) + "/approve").then().statusCode(403);
        Api.as(reporter).body(Map.of("reason", "x")).post(report(A1) + "/reject").then().statusCode(403);
        Api.as(reporter).body("[]").post("/api/v1/counties/" + A + "/reports/2025/import").then().statusCode(404);
        // another county's administrator does not see it; its own county's does and approves
        Api.as(Api.token("cb", "COUNTY_ADMIN", B)).post(report(A1) + "/approve").then().statusCode(404);
        Api.as(Api.token("ca", "COUNTY_ADMIN", A)).post(report(A1) + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void viewersAndIntegrationsOnlyRead() {
        Api.as(Api.admin()).body(Api.primaryReport().toString()).put(report(B1)).then().statusCode(201);
        Api.as(Api.admin()).post(report(B1) + "/submit").then().statusCode(200);
        for (String role : List.of("VIEWER", "INTEGRATION")) {
            String t = Api.token("ro-" + role, role, "460100");
            Api.as(t).get("/api/v1/schools/" + B1).then().statusCode(200);
            Api.as(t).get(report(B1)).then().statusCode(200);
            Api.as(t).get(report(B1) + "/history").then().statusCode(200);
            Api.as(t).get("/api/v1/schools/" + OTHER).then().statusCode(404);
            Api.as(t).body(Api.school(B, "PRIMARY")).put("/api/v1/schools/" + B1).then().statusCode(403);
            Api.as(t).body(Api.primaryReport().toString()).put(report(B1)).then().statusCode(403);
            Api.as(t).post(report(B1) + "/approve").then().statusCode(403);
            Api.as(t).body("[]").post("/api/v1/counties/" + B + "/reports/2025/import").then().statusCode(403);
            Api.as(t).get("/api/v1/counties/" + B + "/reports/2025/import/template?format=csv").then().statusCode(200);
        }
    }

    @Test
    void malformedClaimsAreRefused() {
        Api.as(Api.token("x", "COUNTY_ADMIN", null)).get("/api/v1/schools/" + A1).then().statusCode(403);
        Api.as(Api.token("x", "SCHOOL_REPORTER", A)).get("/api/v1/schools/" + A1).then().statusCode(403);
        Api.as(Api.token("x", "JANITOR", A)).get("/api/v1/schools/" + A1).then().statusCode(403);
    }
}
