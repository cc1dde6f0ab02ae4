package io.balance.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Operations: health against the real database, OpenAPI with the contract's paths, Swagger UI, Prometheus. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "school"))
class HealthTest {
    @Test
    void readyAgainstRealPostgres() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
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
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("balance_outbox_backlog"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
