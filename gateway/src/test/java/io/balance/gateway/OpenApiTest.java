package io.balance.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** One OpenAPI document for the whole API, and Swagger UI over it. */
@QuarkusTest
class OpenApiTest {
    @Test
    void mergesTheServicesDocumentsWithTheGatewaysOwn() {
        Api.anonymous().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/token"))
                .body("paths", hasKey("/api/v1/users"))
                .body("paths", hasKey("/api/v1/audit"))
                .body("paths", hasKey("/api/v1/schools/{schoolCode}"))
                .body("paths", hasKey("/api/v1/counties/{countyCode}/evaluations/{year}"))
                .body("paths", hasKey("/api/v1/surveys/{id}"))
                .body("paths", not(hasKey("/internal/school")))
                // same schema name, different content: renamed per service, references rewritten
                .body("components.schemas", hasKey("Thing"))
                .body("components.schemas", hasKey("indicator_Thing"))
                .body("components.schemas", not(hasKey("RoutingContext")))
                .body("paths.'/api/v1/counties/{countyCode}/evaluations/{year}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.is("#/components/schemas/indicator_Thing"));
        Api.anonymous().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
    }
}
