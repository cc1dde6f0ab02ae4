package io.balance.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "school"))
class HealthTest {
    @Test
    void readyAgainstRealPostgres() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
