package io.balance.school;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Quarkus' management interface of the application under test (health, metrics): a free port of its own. */
final class Management {
    private Management() {
    }

    static RequestSpecification given() {
        return RestAssured.given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }
}
