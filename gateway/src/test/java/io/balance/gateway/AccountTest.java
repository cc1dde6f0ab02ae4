package io.balance.gateway;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may create whom: roles below one's own, inside one's jurisdiction, through the real gateway and its
 * database; school reporters checked with (a stand-in for) school-service using the caller's token.
 */
@QuarkusTest
class AccountTest {
    static String admin;
    static String henan;      // PROVINCE_ADMIN 410000
    static String luoyang;    // COUNTY_ADMIN 410329 (a county in Henan)
    static String hubei;      // PROVINCE_ADMIN 420000

    @org.junit.jupiter.api.BeforeEach
    void accounts() {
        if (admin != null) {
            return;
        }
        admin = Api.adminToken();
        create(admin, "acc-henan", "PROVINCE_ADMIN", "410000", 201);
        create(admin, "acc-hubei", "PROVINCE_ADMIN", "420000", 201);
        henan = Api.signIn("acc-henan", "password-123");
        hubei = Api.signIn("acc-hubei", "password-123");
        create(henan, "acc-yichuan", "COUNTY_ADMIN", "410329", 201);
        luoyang = Api.signIn("acc-yichuan", "password-123");
    }

    static io.restassured.response.ValidatableResponse create(String token, String name, String role,
                                                              String jurisdiction, int status) {
        return Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "password-123", "role", role, "jurisdiction", jurisdiction))
                .post("/api/v1/users").then().statusCode(status);
    }

    @Test
    void provinceAdminCreatesCountyAdminsInsideItsProvinceOnly() {
        create(henan, "acc-county-ok", "COUNTY_ADMIN", "410381", 201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/users/acc-county-ok"))
                .body("role", is("COUNTY_ADMIN")).body("jurisdiction", is("410381")).body("createdBy", is("acc-henan"));
        create(henan, "acc-county-other", "COUNTY_ADMIN", "420301", 403).contentType("application/problem+json");
        // not its own level or above
        create(henan, "acc-prov-2", "PROVINCE_ADMIN", "410000", 403);
        create(hubei, "acc-sys", "SYSTEM_ADMIN", "420000", 403);
    }

    @Test
    void countyAdminCreatesReportersForItsSchoolsAndViewers() {
        create(luoyang, "acc-reporter", "SCHOOL_REPORTER", "4103290001", 201).body("countyCode", is("410329"));
        // a school of another county: school-service answers 404 to this caller, so does the gateway
        create(luoyang, "acc-reporter-x", "SCHOOL_REPORTER", "4203010001", 404).contentType("application/problem+json");
        create(luoyang, "acc-reporter-none", "SCHOOL_REPORTER", "4103299999", 404);
        create(luoyang, "acc-viewer", "VIEWER", "410329", 201);
        create(luoyang, "acc-viewer-x", "VIEWER", "410381", 403);
        create(luoyang, "acc-peer", "COUNTY_ADMIN", "410329", 403);
        // integration clients are for provinces
        Api.as(luoyang).contentType(ContentType.JSON)
                .body(Map.of("clientId", "acc-county-client", "role", "INTEGRATION", "jurisdiction", "410329"))
                .post("/api/v1/clients").then().statusCode(403);
        // the reporter signs in with its school as jurisdiction
        String reporter = Api.signIn("acc-reporter", "password-123");
        org.junit.jupiter.api.Assertions.assertEquals("4103290001", TokenTest.claims(reporter).getString("jurisdiction"));
    }

    @Test
    void rolesWithoutAdministrationCreateNobody() {
        for (String role : new String[] {"SCHOOL_REPORTER", "VIEWER", "INTEGRATION"}) {
            String token = Api.mint("acc-" + role.toLowerCase(), role, role.equals("SCHOOL_REPORTER") ? "4103290001" : "410329");
            create(token, "acc-by-" + role.toLowerCase(), "VIEWER", "410329", 403);
            Api.as(token).get("/api/v1/users").then().statusCode(403);
        }
    }

    @Test
    void invalidInputIs400NamingEachField() {
        Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "x", "password", "short", "role", "KING", "jurisdiction", "410000"))
                .post("/api/v1/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("username", "password", "role"));
        create(admin, "acc-badj", "COUNTY_ADMIN", "410000", 400).body("errors.field", hasItem("jurisdiction"));
        create(admin, "acc-badj2", "SCHOOL_REPORTER", "410329", 400).body("errors.field", hasItem("jurisdiction"));
        create(admin, "acc-badj3", "VIEWER", "41", 400).body("errors.field", hasItem("jurisdiction"));
        create(admin, "acc-int", "INTEGRATION", "410000", 400).body("errors.field", hasItem("role"));
        Api.as(admin).contentType(ContentType.JSON).body("[1,2]").post("/api/v1/users").then().statusCode(400);
        Api.as(admin).contentType(ContentType.JSON).body("{\"username\":").post("/api/v1/users").then().statusCode(400);
    }

    @Test
    void duplicateNamesConflict() {
        create(admin, "acc-dup", "PROVINCE_ADMIN", "430000", 201);
        create(admin, "acc-dup", "PROVINCE_ADMIN", "430000", 409).contentType("application/problem+json");
    }

    @Test
    void listingIsScopedToTheCallersJurisdiction() {
        create(hubei, "acc-hubei-county", "COUNTY_ADMIN", "420301", 201);
        Api.as(henan).get("/api/v1/users").then().statusCode(200)
                .body("username", hasItem("acc-yichuan"))
                .body("username", not(hasItem("acc-hubei-county")))
                .body("username", not(hasItem("admin")))
                .body("jurisdiction", everyItem(startsWith("41")));
        Api.as(hubei).get("/api/v1/users/acc-yichuan").then().statusCode(404);
        Api.as(henan).get("/api/v1/users/acc-yichuan").then().statusCode(200).body("role", is("COUNTY_ADMIN"));
        Api.as(admin).get("/api/v1/users").then().statusCode(200).body("username", hasItems("admin", "acc-hubei-county"));
    }
}
