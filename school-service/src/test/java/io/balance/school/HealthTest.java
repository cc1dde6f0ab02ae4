package io.balance.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Operations: health against the real database and Prometheus on the management port (never on the API port,
 * which the gateway routes), OpenAPI with the contract's paths and Swagger UI on the API port.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "school"))
class HealthTest {
    @Test
    void readyAgainstRealPostgres() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        Management.given().get("/q/health/started").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void openApiPublishesTheContractPaths() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/jurisdictions/{code}"))
                .body(containsString("/api/v1/schools/{schoolCode}/reports/{year}/approve"))
                .body(containsString("/api/v1/counties/{countyCode}/reports/{year}/import"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("balance_outbox_backlog"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
