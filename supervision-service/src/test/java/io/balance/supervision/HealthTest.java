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

    @Test
    void apiNeedsAToken() {
        given().get("/api/v1/counties/999901/departments").then().statusCode(401);
    }
}
