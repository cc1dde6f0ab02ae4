package io.balance.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo load against a real HTTP server that misbehaves on purpose: no answer, 5xx, a lost answer followed
 * by 409. It retries within bounds, reports, and never throws; requests go out as plain HTTP/1.1 (no h2c upgrade).
 */
class DemoLoaderTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> upgrades = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (exchange.getRequestHeaders().containsKey("Upgrade")) {
            upgrades.add(path + " " + exchange.getRequestHeaders().get("Upgrade"));
        }
        exchange.getRequestBody().readAllBytes();
        int status = switch (path) {
            case "/ok" -> 201;
            case "/hangs-once" -> call == 1 ? sleepThen(200) : 200;   // first answer never comes in time
            case "/flaky" -> call <= 2 ? 503 : 200;
            case "/down" -> 503;
            case "/lost-then-conflict" -> call == 1 ? sleepThen(200) : 409; // it did arrive the first time
            case "/conflict" -> 409;
            default -> 404;
        };
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static int sleepThen(int status) {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    private boolean load(String... lines) throws Exception {
        Path demo = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(demo.resolve("10-test.requests"), "# test\n" + String.join("\n", lines) + "\n");
        Files.writeString(demo.resolve("body.json"), "{\"a\":1}");
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        DemoLoader loader = new DemoLoader(path -> base, "token", Duration.ofMillis(700), Duration.ofSeconds(1),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        return loader.load(demo, dir.resolve("loaded"));
    }

    @Test
    void aHungRequestAndServerErrorsAreRetriedUntilAnswered() throws Exception {
        assertTrue(load("PUT /ok @body.json application/json", "POST /hangs-once", "POST /flaky @body.json"), log.toString());
        assertEquals(2, calls.get("/hangs-once").get());
        assertEquals(3, calls.get("/flaky").get());
        assertTrue(Files.exists(dir.resolve("loaded")));
        assertTrue(log.toString().contains("/hangs-once got no answer"), log.toString());
        assertEquals(List.of(), upgrades, "requests must not ask for an h2c upgrade");
    }

    @Test
    void aRequestThatKeepsFailingIsReportedBoundedAndLeavesNoMarker() throws Exception {
        assertFalse(load("PUT /ok", "POST /down", "PUT /ok"));
        assertEquals(DemoLoader.ATTEMPTS, calls.get("/down").get());
        assertEquals(1, calls.get("/ok").get(), "the load stops at the failing request");
        assertFalse(Files.exists(dir.resolve("loaded")), "tried again at the next start");
        assertTrue(log.toString().contains("/down answered 503"), log.toString());
        assertTrue(log.toString().contains("keeps running"), log.toString());
    }

    @Test
    void aConflictAfterALostAnswerMeansTheFirstAttemptArrived() throws Exception {
        assertTrue(load("POST /lost-then-conflict"), log.toString());
        assertEquals(2, calls.get("/lost-then-conflict").get());
    }

    @Test
    void aConflictWithoutALostAnswerIsAFailureAfterTheSettlingTime() throws Exception {
        assertFalse(load("POST /conflict"));
        assertTrue(calls.get("/conflict").get() >= 2, "4xx is retried while events may still arrive");
    }

    @Test
    void aMissingBodyFileIsReportedNotThrown() throws Exception {
        assertFalse(load("PUT /ok @missing.json"));
        assertTrue(log.toString().contains("missing.json"), log.toString());
    }
}
