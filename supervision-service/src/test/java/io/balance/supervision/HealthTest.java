package io.balance.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Operations: health against the real database (Flyway applied) and Prometheus on the management port (never on
 * the API port, which the gateway routes), Swagger UI on the API port.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class HealthTest {
    @Test
    void readyAgainstRealPostgres() {
        management().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        management().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void swaggerAndMetrics() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Quarkus' management interface of the application under test: a free port of its own. */
    private static io.restassured.specification.RequestSpecification management() {
        return given().port(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class));
    }

    /** Every API operation taking a body documents its 400 as problem details, not as an empty default. */
    @Test
    void everyInputsFourHundredIsDocumentedAsProblemDetails() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> paths = doc.getMap("paths");
        var bare = new java.util.ArrayList<String>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue; // the public page's form posts answer HTML
            }
            for (var op : path.getValue().entrySet()) {
                if (!(op.getValue() instanceof java.util.Map<?, ?> operation) || operation.get("requestBody") == null) {
                    continue;
                }
                checked++;
                Object bad = ((java.util.Map<?, ?>) operation.get("responses")).get("400");
                if (!(bad instanceof java.util.Map<?, ?> response) || !String.valueOf(response.get("content"))
                        .contains("application/problem+json")) {
                    bare.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(checked > 10, "operations with a body: " + checked);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), bare);
    }

    @Test
    void apiNeedsAToken() {
        given().get("/api/v1/counties/999901/departments").then().statusCode(401);
    }
}
