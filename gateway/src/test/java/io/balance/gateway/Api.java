package io.balance.gateway;

import static io.restassured.RestAssured.given;

import io.balance.infra.EmbeddedInfra;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: tokens and requests from distinct client addresses (the gateway trusts X-Forwarded-For from localhost in tests). */
final class Api {
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private Api() {
    }

    /** A fresh client address, so per-address rate limits of one test do not touch another. */
    static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10.1." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    static RequestSpecification anonymous() {
        return from(freshAddress());
    }

    static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** A token minted with the test key (the same the gateway verifies with). */
    static String mint(String user, String role, String jurisdiction) {
        return EmbeddedInfra.keys().mint(user, role, jurisdiction);
    }

    /** A token from the gateway's own token endpoint. */
    static String signIn(String username, String password) {
        return anonymous().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }

    static String adminToken() {
        return signIn("admin", "admin");
    }
}
