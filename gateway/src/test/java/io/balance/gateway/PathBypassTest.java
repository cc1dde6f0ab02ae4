package io.balance.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every spelling of every protected route gets the checks of the one path it means: an encoding the gateway
 * accepts is routed, authorised, limited and forwarded as its canonical path; one with no single meaning is a 400.
 * Nothing reaches a service or the gateway's own resources past its checks.
 */
@QuarkusTest
class PathBypassTest {
    /** One concrete path per routing rule, plus the gateway's own endpoints. */
    static final List<String> PROTECTED = List.of(
            "/api/v1/users", "/api/v1/users/admin", "/api/v1/clients", "/api/v1/audit",
            "/api/v1/jurisdictions/410000", "/api/v1/schools", "/api/v1/schools/4103290001/reports/2025",
            "/api/v1/counties/410329/reports/2025/import/7", "/api/v1/schools/4103290001/indicators/2025",
            "/api/v1/counties/410329/evaluations/2025", "/api/v1/counties/410329/findings/2025",
            "/api/v1/rule-sets", "/api/v1/rollups/410000/2025", "/api/v1/surveys/12/results");

    /** Spellings that mean the same path: they must be treated exactly as it. */
    static final Map<String, UnaryOperator<String>> SAME = new LinkedHashMap<>();
    /** Spellings with no single meaning: 400 before anything else. */
    static final Map<String, UnaryOperator<String>> AMBIGUOUS = new LinkedHashMap<>();
    /** Spellings of another path (case, trailing slash): checked as protected, never answered by what they resemble. */
    static final Map<String, UnaryOperator<String>> OTHER = new LinkedHashMap<>();

    static {
        SAME.put("%61", p -> p.replaceFirst("/api/", "/%61pi/"));
        SAME.put("%76%31", p -> p.replaceFirst("/v1/", "/%76%31/"));
        SAME.put("all letters", p -> p.replaceFirst("/api/v1/", "/%61%70%69/%76%31/"));
        AMBIGUOUS.put("%2F", p -> p.replaceFirst("/v1/", "/v1%2F"));
        AMBIGUOUS.put("%2f", p -> p.replaceFirst("/api/", "/api%2f"));
        AMBIGUOUS.put("%2e%2e", p -> p.replaceFirst("/api/v1/", "/api/v1/public/%2e%2e/"));
        AMBIGUOUS.put("%2E", p -> p.replaceFirst("/api/v1/", "/api/v1/%2E/"));
        AMBIGUOUS.put("..", p -> p.replaceFirst("/api/v1/", "/api/v1/public/../"));
        AMBIGUOUS.put(".", p -> p.replaceFirst("/api/v1/", "/api/v1/./"));
        AMBIGUOUS.put("//", p -> p.replaceFirst("/api/", "/api//"));
        AMBIGUOUS.put("leading //", p -> "/" + p);
        AMBIGUOUS.put(";", p -> p.replaceFirst("/api/", "/api;x=1/"));
        AMBIGUOUS.put("trailing ;", p -> p + ";");
        AMBIGUOUS.put("\\", p -> p.replaceFirst("/v1/", "/v1\\\\"));
        AMBIGUOUS.put("%5C", p -> p.replaceFirst("/v1/", "/v1%5C"));
        AMBIGUOUS.put("%2561", p -> p.replaceFirst("/api/", "/%2561pi/"));
        AMBIGUOUS.put("overlong", p -> p.replaceFirst("/api/v1/", "/api/v1/%c0%ae%c0%ae/"));
        AMBIGUOUS.put("invalid escape", p -> p.replaceFirst("/api/", "/api%g1/"));
        AMBIGUOUS.put("%00", p -> p + "/%00");
        OTHER.put("upper case", p -> p.replaceFirst("/api/", "/API/"));
        OTHER.put("mixed case", p -> p.replaceFirst("/v1/", "/V1/"));
        OTHER.put("trailing /", p -> p + "/");
    }

    @Test
    void withoutATokenNoSpellingGetsPastTheChecks() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String path : PROTECTED) {
            String method = path.equals("/api/v1/clients") ? "POST" : "GET";
            check(failures, path, "plain", send(method, path, null), 401);
            for (var v : SAME.entrySet()) {
                check(failures, path, v.getKey(), send(method, v.getValue().apply(path), null), 401);
            }
            for (var v : AMBIGUOUS.entrySet()) {
                check(failures, path, v.getKey(), send(method, v.getValue().apply(path), null), 400);
            }
            for (var v : OTHER.entrySet()) {
                check(failures, path, v.getKey(), send(method, v.getValue().apply(path), null), 401);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void withATokenEquivalentSpellingsReachTheSameServiceAsTheCanonicalPath() throws Exception {
        String token = Api.mint("spelling", "SYSTEM_ADMIN", null);
        List<String> failures = new ArrayList<>();
        for (String path : PROTECTED) {
            if (path.startsWith("/api/v1/users") || path.startsWith("/api/v1/clients") || path.startsWith("/api/v1/audit")) {
                continue; // the gateway's own: see ownResourcesSeeTheCanonicalPath
            }
            RawHttp.Answer plain = send("GET", path, token);
            String service = new JsonObject(plain.body()).getString("service");
            for (var v : SAME.entrySet()) {
                RawHttp.Answer answer = send("GET", v.getValue().apply(path), token);
                JsonObject echo = answer.status() == 200 ? new JsonObject(answer.body()) : new JsonObject();
                if (answer.status() != 200 || !service.equals(echo.getString("service")) || !path.equals(echo.getString("path"))) {
                    failures.add(v.getKey() + " " + path + " -> " + answer.status() + " " + answer.body());
                }
            }
            for (var v : AMBIGUOUS.entrySet()) {
                check(failures, path, v.getKey(), send("GET", v.getValue().apply(path), token), 400);
            }
            for (String other : List.of("upper case", "mixed case")) {
                check(failures, path, other, send("GET", OTHER.get(other).apply(path), token), 404);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void ownResourcesSeeTheCanonicalPath() throws Exception {
        String token = Api.adminToken();
        RawHttp.Answer encoded = send("GET", "/%61pi/v1/users/%61dmin", token);
        assertEquals(200, encoded.status(), encoded.body());
        assertEquals("admin", new JsonObject(encoded.body()).getString("username"));
        // a NUL byte never reaches the account lookup
        RawHttp.Answer nul = send("GET", "/api/v1/users/%00", token);
        assertEquals(400, nul.status(), nul.body());
        assertEquals("application/problem+json", nul.headers().get("content-type"));
    }

    @Test
    void signInThroughAnEncodedPathIsLimitedLikeThePlainOne() throws Exception {
        String address = Api.freshAddress();
        String wrong = "{\"username\":\"nobody-" + address + "\",\"password\":\"wrong-password\"}";
        int limitedAt = -1;
        for (int i = 0; i < 40 && limitedAt < 0; i++) {
            String path = i % 2 == 0 ? "/%61pi/v1/auth/token" : "/api/v1/auth/%74oken";
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", path, Map.of("X-Forwarded-For", address), wrong);
            assertFalse(answer.status() == 200 || answer.status() >= 500, answer.status() + " " + answer.body());
            if (answer.status() == 429) {
                limitedAt = i;
            }
        }
        assertTrue(limitedAt > 0, "encoded sign-in paths were never limited");
        // the plain path shares the same count
        RawHttp.Answer plain = RawHttp.send(RestAssured.port, "POST", "/api/v1/auth/token",
                Map.of("X-Forwarded-For", address), wrong);
        assertEquals(429, plain.status(), plain.body());
    }

    private static RawHttp.Answer send(String method, String target, String token) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", Api.freshAddress());
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return RawHttp.send(RestAssured.port, method, target + "?page=0", headers, method.equals("GET") ? null : "{}");
    }

    private static void check(List<String> failures, String path, String variant, RawHttp.Answer answer, int expected) {
        if (answer.status() != expected || answer.body().contains("\"service\"")) {
            failures.add(variant + " " + path + " -> " + answer.status() + " (expected " + expected + ") " + answer.body());
        }
    }
}
