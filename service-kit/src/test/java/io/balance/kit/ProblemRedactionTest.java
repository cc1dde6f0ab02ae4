package io.balance.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.infra.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service's {@code ProblemInstanceRedactor} (here the probe's) takes the secret out of every problem's
 * {@code instance} and out of the log line of an unexpected failure; paths it does not touch stay as they are.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class ProblemRedactionTest {
    static final String SECRET = "K7QX3MRA9Z";

    @Test
    void theSecretLeavesNeitherInTheInstanceNorInTheLog() {
        String token = EmbeddedInfra.keys().mint("u-admin", "SYSTEM_ADMIN", null);
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(token).get("/api/probe/secret/" + SECRET).then().statusCode(404)
                    .body("instance", equalTo("/api/probe/secret/{token}"));
            given().auth().oauth2(token).get("/api/probe/secret/" + SECRET + "/fail").then().statusCode(500)
                    .body("instance", equalTo("/api/probe/secret/{token}/fail"));
            // a path the redactor does not touch keeps its instance
            given().auth().oauth2(token).get("/api/probe/limited").then().statusCode(429)
                    .body("instance", equalTo("/api/probe/limited"));
            lines = log.lines();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("/api/probe/secret/{token}/fail")
                && l.contains(IllegalStateException.class.getName())), "the failure is logged: " + lines);
        for (String l : lines) {
            assertFalse(l.contains(SECRET), "the secret in a log line: " + l);
        }
    }
}
