package io.balance.gateway;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every write is audited (who, what, when, status); province administrators read their province's part. */
@QuarkusTest
class AuditTest {
    @Test
    void writesAreRecordedAndScopedByProvince() {
        String henan = Api.mint("audit-henan", "PROVINCE_ADMIN", "410000");
        String hubei = Api.mint("audit-hubei", "PROVINCE_ADMIN", "420000");
        String county = Api.mint("audit-county", "COUNTY_ADMIN", "410329");
        Api.as(county).contentType(ContentType.JSON).body("{}").put("/api/v1/counties/410329/findings/2025")
                .then().statusCode(200);
        Api.as(county).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/schools/4103290001/reports/2025/approve").then().statusCode(201);
        Api.as(hubei).contentType(ContentType.JSON).body("{}").put("/api/v1/jurisdictions/420301")
                .then().statusCode(200);
        // reads are not audited
        Api.as(county).get("/api/v1/schools?countyCode=410329").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Api.as(henan).get("/api/v1/audit?actor=audit-county").then().statusCode(200)
                        .body("total", is(2))
                        .body("items.path", hasItem("/api/v1/counties/410329/findings/2025"))
                        .body("items.path", hasItem("/api/v1/schools/4103290001/reports/2025/approve"))
                        .body("items.method", hasItem("PUT"))
                        .body("items.status", everyItem(org.hamcrest.Matchers.oneOf(200, 201)))
                        .body("items.actorRole", everyItem(is("COUNTY_ADMIN"))));
        Api.as(henan).get("/api/v1/audit").then().statusCode(200)
                .body("items.actor", not(hasItem("audit-hubei")))
                .body("items.division", everyItem(startsWith("41")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Api.as(hubei).get("/api/v1/audit").then().statusCode(200)
                        .body("items.actor", hasItem("audit-hubei"))
                        .body("items.actor", not(hasItem("audit-county"))));
        Api.as(Api.mint("audit-root", "SYSTEM_ADMIN", null)).get("/api/v1/audit?size=500").then().statusCode(200)
                .body("items.actor", org.hamcrest.Matchers.hasItems("audit-county", "audit-hubei"));
    }

    @Test
    void failedWritesAreAuditedWithTheirStatus() {
        String henan = Api.mint("audit-henan2", "PROVINCE_ADMIN", "410000");
        Api.as(henan).contentType(ContentType.JSON).body("{\"username\":\"x\"}").post("/api/v1/users")
                .then().statusCode(400);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Api.as(henan).get("/api/v1/audit?actor=audit-henan2").then().statusCode(200)
                        .body("items[0].status", is(400)).body("items[0].path", is("/api/v1/users")));
    }

    @Test
    void onlyProvinceAndSystemAdministratorsReadIt() {
        for (String role : List.of("COUNTY_ADMIN", "VIEWER", "INTEGRATION")) {
            Api.as(Api.mint("audit-" + role, role, "410329")).get("/api/v1/audit").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.as(Api.mint("audit-x", "PROVINCE_ADMIN", "410000")).get("/api/v1/audit?from=yesterday")
                .then().statusCode(400).body("errors[0].field", is("from"));
    }
}
