package io.balance.system;

import io.balance.infra.ServiceDown;
import io.balance.infra.ServiceProcess;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A stopped service: the gateway answers a fast 503 problem for its paths only, and routes again once it is back. */
@ExtendWith(SystemStack.class)
@Order(100) // last: it restarts a service
class ServiceDownTest {
    @Test
    void stoppedServiceGivesAFast503AndRecovers() {
        String admin = SystemStack.world().adminToken;
        ServiceProcess survey = SystemStack.stack().service("survey-service");
        survey.stop();
        try {
            ServiceDown.assertFast503(() -> World.as(admin).get("/api/v1/surveys"), "survey", 6, Duration.ofSeconds(1));
            // the public questionnaire path of the same service too; other services are unaffected
            World.as(admin).get("/api/v1/public/questionnaires/NOSUCHCODE").then().statusCode(503);
            World.as(admin).get("/api/v1/schools").then().statusCode(200);
            World.as(admin).get("/api/v1/rule-sets").then().statusCode(200);
        } finally {
            survey.start();
            survey.awaitReady(Duration.ofSeconds(180));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                World.as(admin).get("/api/v1/surveys").statusCode() == 200);
    }
}
