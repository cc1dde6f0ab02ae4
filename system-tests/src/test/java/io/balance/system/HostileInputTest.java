package io.balance.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input over every operation of the merged OpenAPI document ({@code /openapi}), sent as a system
 * administrator through the gateway to the real services ({@link HostileCases}: malformed and deeply nested JSON,
 * wrong types, huge numbers, odd strings, wrong content types, hostile path and query parameters): never a 5xx. Path
 * parameters other than the hostile one name the second province's county, school and survey, a throwaway account
 * and client, so the hostile part reaches as deep as it can. Runs late: some cases may change that province's data.
 */
@ExtendWith(SystemStack.class)
@Order(92)
class HostileInputTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Each administrator identity sends at most this many (the per-identity rate limit is 1,200 a minute). */
    private static final int PER_IDENTITY = 500;
    private static final AtomicInteger SENT = new AtomicInteger();

    static World.Side side;
    static String victimUser;
    static String victimClient;
    static String gateway;

    @BeforeAll
    static void ready() {
        World world = SystemStack.world();
        side = world.b;
        gateway = SystemStack.stack().service("gateway").url();
        String unique = Long.toString(System.nanoTime() % 1_000_000, 36);
        victimUser = "hostile-victim-" + unique;
        victimClient = "hostile-client-" + unique;
        World.as(world.adminToken).contentType(ContentType.JSON).body(Map.of("username", victimUser, "password",
                World.PASSWORD, "role", "VIEWER", "jurisdiction", side.county)).post("/api/v1/users").then().statusCode(201);
        World.as(world.adminToken).contentType(ContentType.JSON).body(Map.of("clientId", victimClient, "role",
                "INTEGRATION", "jurisdiction", side.province)).post("/api/v1/clients").then().statusCode(201);
    }

    @TestFactory
    Stream<DynamicTest> noOperationAnswersHostileInputWithA5xx() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/openapi?format=json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() == 200, "merged OpenAPI: " + answer.statusCode());
        JsonNode document = HostileCases.JSON.readTree(answer.body());
        HostileCases generator = new HostileCases(document);
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String method = op.getKey().toUpperCase();
                List<HostileCases.Case> cases = generator.cases(method, path.getKey(), op.getValue(), HostileInputTest::valid);
                tests.add(DynamicTest.dynamicTest(method + " " + path.getKey() + " (" + cases.size() + " cases)",
                        () -> run(cases)));
            }
        }
        int count = operations;
        tests.add(0, DynamicTest.dynamicTest("the document has the whole API", () ->
                assertTrue(count >= 90, "only " + count + " operations in the merged document")));
        return tests.stream();
    }

    private static void run(List<HostileCases.Case> cases) throws Exception {
        List<String> failures = new ArrayList<>();
        for (HostileCases.Case c : cases) {
            HttpResponse<String> r;
            try {
                r = sendOnce(c);
                for (int retry = 0; r.statusCode() == 429 && retry < 2; retry++) {
                    long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"));
                    Thread.sleep(Math.min(wait, 30) * 1000);
                    r = send(c);
                }
            } catch (java.io.IOException e) {
                failures.add(c.method() + " " + c.rawPathAndQuery().substring(0, Math.min(120, c.rawPathAndQuery().length()))
                        + " " + c.name() + " → no answer: " + e);
                continue;
            }
            if (r.statusCode() >= 500) {
                String body = r.body() == null ? "" : r.body();
                failures.add(c.method() + " " + c.rawPathAndQuery().substring(0, Math.min(120, c.rawPathAndQuery().length()))
                        + " " + c.name() + " → " + r.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases answered 5xx:\n"
                + String.join("\n", failures));
    }

    /**
     * Sends the case; a connection the gateway closed after an earlier answer (keep-alive reuse race of the client)
     * is retried once on a new connection: a second failure is reported.
     */
    private static HttpResponse<String> sendOnce(HostileCases.Case c) throws Exception {
        try {
            return send(c);
        } catch (java.io.IOException e) {
            return send(c);
        }
    }

    private static HttpResponse<String> send(HostileCases.Case c) throws Exception {
        String token = SystemStack.stack().keys().mint("hostile-admin-" + SENT.getAndIncrement() / PER_IDENTITY,
                Role.SYSTEM_ADMIN.name(), null);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + c.rawPathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid value for a parameter, by name and path ({@code name@path}). */
    static String valid(String key) {
        String name = key.substring(0, key.indexOf('@'));
        String path = key.substring(key.indexOf('@') + 1);
        return switch (name) {
            case "countyCode", "county" -> side.county;
            case "jurisdictionCode" -> side.province;
            case "schoolCode" -> side.school0();
            case "year" -> Integer.toString(World.YEAR);
            case "name" -> victimUser;
            case "clientId" -> victimClient;
            case "form" -> "PARENT";
            case "code" -> path.startsWith("/api/v1/jurisdictions") ? side.county
                    : path.startsWith("/api/v1/rule-sets") ? "QUALITY_2017" : "NOSUCHCODE";
            case "id" -> path.startsWith("/api/v1/surveys") ? side.surveyId : "1";
            case "index", "page" -> "0";
            case "size", "limit" -> "10";
            case "ruleSet" -> "QUALITY_2017";
            default -> "1";
        };
    }
}
