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

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void signInsFailuresAndAccountChangesAreOnTheTrailWhenTheAnswerArrives() throws Exception {
        String henan = Api.mint("audit-henan3", "PROVINCE_ADMIN", "410000");
        Api.as(henan).contentType(ContentType.JSON).body(java.util.Map.of("username", "audited-one", "password",
                "correct horse battery", "role", "COUNTY_ADMIN", "jurisdiction", "410329"))
                .post("/api/v1/users").then().statusCode(201);
        // no waiting anywhere below: each event is written in the transaction of what it records, before the answer
        org.junit.jupiter.api.Assertions.assertEquals(List.of("ACCOUNT_CREATED"), kinds("audited-one"));
        Api.anonymous().contentType(ContentType.JSON).body(java.util.Map.of("username", "audited-one", "password", "wrong one"))
                .post("/api/v1/auth/token").then().statusCode(401);
        Api.signIn("audited-one", "correct horse battery");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("ACCOUNT_CREATED", "SIGN_IN_FAILED", "SIGN_IN"), kinds("audited-one"));
        Api.anonymous().contentType(ContentType.JSON).body(java.util.Map.of("username", "audit-ghost", "password", "nothing"))
                .post("/api/v1/auth/token").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("SIGN_IN_FAILED"), kinds("audit-ghost"));

        Api.as(henan).get("/api/v1/audit?actor=audited-one").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItems("SIGN_IN", "SIGN_IN_FAILED"))
                .body("items.division", everyItem(is("410329")));
        Api.as(henan).get("/api/v1/audit?actor=audit-henan3").then().statusCode(200)
                .body("items.kind", hasItem("ACCOUNT_CREATED")).body("items.subject", hasItem("audited-one"));
        // a name that does not exist is filed under no division: only system administrators see it
        Api.as(henan).get("/api/v1/audit?actor=audit-ghost").then().statusCode(200).body("total", is(0));
        Api.as(Api.mint("audit-root2", "SYSTEM_ADMIN", null)).get("/api/v1/audit?actor=audit-ghost").then()
                .statusCode(200).body("total", is(1));
    }

    @Test
    void anEditedEntryBreaksTheChain() throws Exception {
        String root = Api.mint("audit-root3", "SYSTEM_ADMIN", null);
        Api.anonymous().contentType(ContentType.JSON).body(java.util.Map.of("username", "audit-chain-probe", "password", "x"))
                .post("/api/v1/auth/token").then().statusCode(401);
        Api.as(root).get("/api/v1/audit/chain").then().statusCode(200)
                .body("firstBrokenId", org.hamcrest.Matchers.nullValue()).body("headMatches", is(true));
        long id;
        String original;
        try (var c = dataSource.getConnection(); var q = c.createStatement();
             var rs = q.executeQuery("select id, client_address from audit_entry where subject = 'audit-chain-probe'")) {
            rs.next();
            id = rs.getLong(1);
            original = rs.getString(2);
            q.executeUpdate("update audit_entry set client_address = '10.66.66.66' where id = " + id);
        }
        try {
            Api.as(root).get("/api/v1/audit/chain").then().statusCode(200).body("firstBrokenId", is((int) id));
        } finally {
            try (var c = dataSource.getConnection();
                 var q = c.prepareStatement("update audit_entry set client_address = ? where id = ?")) {
                q.setString(1, original);
                q.setLong(2, id);
                q.executeUpdate();
            }
        }
        Api.as(root).get("/api/v1/audit/chain").then().statusCode(200).body("firstBrokenId", org.hamcrest.Matchers.nullValue());
        Api.as(Api.mint("audit-henan4", "PROVINCE_ADMIN", "410000")).get("/api/v1/audit/chain").then().statusCode(403);
    }

    private List<String> kinds(String subject) throws java.sql.SQLException {
        List<String> kinds = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("select kind from audit_entry where subject = ? order by id")) {
            q.setString(1, subject);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }
}
