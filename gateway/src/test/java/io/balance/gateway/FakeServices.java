package io.balance.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Small real HTTP servers standing in for school-, indicator- and survey-service, so the gateway's own behaviour
 * (routing, streaming, timeouts, circuit breaking, limits) can be tested alone. Each answers with what it received:
 * its name, method, path, query, the headers the gateway forwarded, and the body's length and SHA-256 (computed
 * while streaming, so the test can check large bodies arrive intact).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {
    /** Schools the fake school-service knows, with their county. */
    public static final Map<String, String> SCHOOLS = Map.of(
            "4103290001", "410329", "4103290002", "410329", "4203010001", "420301");

    private static Vertx vertx;
    private static final Map<String, HttpServer> SERVERS = new HashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] {"school", "indicator", "survey", "supervision"}) {
            int port = freePort();
            PORTS.put(name, port);
            startServer(name);
            config.put("balance.services." + name + ".url", "http://localhost:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(s -> s.close().toCompletionStage().toCompletableFuture().join());
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Takes a fake service down (connections refused). */
    public static synchronized void stopServer(String name) {
        HttpServer server = SERVERS.remove(name);
        if (server != null) {
            await(server.close().toCompletionStage().toCompletableFuture());
        }
    }

    public static synchronized void startServer(String name) {
        if (SERVERS.containsKey(name)) {
            return;
        }
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(name, request));
        SERVERS.put(name, await(server.listen(PORTS.get(name), "localhost").toCompletionStage().toCompletableFuture()));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(String name, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(name).encode());
            return;
        }
        if (path.endsWith("/bench") || request.getParam("bench") != null) {
            bench(request);
            return;
        }
        if (path.endsWith("/fail")) {
            request.response().setStatusCode(500).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 500).put("title", "Internal error").encode());
            return;
        }
        if (path.endsWith("/hang")) {
            return; // never answers: the gateway's idle timeout must cut it off
        }
        if (name.equals("school") && path.matches("/api/v1/schools/\\d{10}") && request.method().name().equals("GET")) {
            school(request, path.substring(path.lastIndexOf('/') + 1));
            return;
        }
        MessageDigest digest = sha256();
        long[] length = {0};
        request.handler(buffer -> {
            length[0] += buffer.length();
            digest.update(buffer.getBytes());
        });
        request.endHandler(v -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject answer = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("path", path)
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodyLength", length[0])
                    .put("bodySha256", HexFormat.of().formatHex(digest.digest()));
            int status = request.method().name().equals("POST") ? 201 : 200;
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    // a service's own header must survive, and must not duplicate the gateway's
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(answer.encode());
        });
    }

    private static final String BENCH_ANSWER = new JsonObject().put("countyCode", "410329").put("year", 2025)
            .put("ruleSet", "QUALITY_2017").put("verdict", "PASS").put("basedOnReports", 42)
            .put("note", "a small JSON answer, the size of a typical registry read").encode();

    /**
     * For the benchmark: a fixed small answer, or with {@code bench=evaluation} a county evaluation of the demo county's
     * shape and size (~30 KB, {@link BenchEvaluation}) serialised for each request as the real service does; after
     * {@code delayMs} (service time without CPU, like a DB wait).
     */
    private static void bench(HttpServerRequest request) {
        String delay = request.getParam("delayMs");
        long ms = delay == null ? 0 : Long.parseLong(delay);
        boolean evaluation = "evaluation".equals(request.getParam("bench"));
        Runnable answer = () -> request.response().putHeader("Content-Type", "application/json")
                .end(evaluation ? BenchEvaluation.JSON.encode() : BENCH_ANSWER);
        if (ms > 0) {
            vertx.setTimer(ms, id -> answer.run());
        } else {
            answer.run();
        }
    }

    /** Size of the benchmark's evaluation answer in bytes (UTF-8). */
    public static int benchEvaluationBytes() {
        return BenchEvaluation.JSON.encode().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The fake indicator-service's address (the benchmark calls it directly too). */
    public static int port(String name) {
        return PORTS.get(name);
    }

    /** Like school-service: 404 unless the caller's token covers the school's county. */
    private static void school(HttpServerRequest request, String code) {
        String county = SCHOOLS.get(code);
        JsonObject claims = claims(request.getHeader("Authorization"));
        String jurisdiction = claims == null ? null : claims.getString("jurisdiction");
        String role = claims == null ? null : claims.getJsonArray("groups", new JsonArray()).getString(0);
        boolean visible = county != null && claims != null && ("SYSTEM_ADMIN".equals(role)
                || (jurisdiction != null && county.startsWith(jurisdiction.replaceAll("(00)+$", ""))));
        if (!visible) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 404).put("title", "Not found").encode());
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("schoolCode", code).put("name", "School " + code).put("countyCode", county).encode());
    }

    private static JsonObject claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject openApi(String name) {
        String path = switch (name) {
            case "school" -> "/api/v1/schools/{schoolCode}";
            case "indicator" -> "/api/v1/counties/{countyCode}/evaluations/{year}";
            case "supervision" -> "/api/v1/problems/{problemId}";
            default -> "/api/v1/surveys/{id}";
        };
        JsonObject schema = new JsonObject().put("$ref", "#/components/schemas/Thing");
        JsonObject ok = new JsonObject().put("description", "ok")
                .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema)));
        JsonArray parameters = new JsonArray();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (names.find()) {
            parameters.add(new JsonObject().put("name", names.group(1)).put("in", "path").put("required", true)
                    .put("schema", new JsonObject().put("type", "string")));
        }
        JsonObject get = new JsonObject().put("operationId", name + "Get").put("parameters", parameters)
                .put("responses", new JsonObject().put("200", ok));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1"))
                .put("paths", new JsonObject()
                        .put(path, new JsonObject().put("get", get))
                        // not routed to this service by the gateway: must not appear in the merged document
                        .put("/internal/" + name, new JsonObject().put("get", new JsonObject())))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Thing", new JsonObject().put("type", "object").put("title", name + " thing"))));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
