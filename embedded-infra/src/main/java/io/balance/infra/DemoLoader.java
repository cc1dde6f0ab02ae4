package io.balance.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Loads the demo county through the public API, once: every {@code demo/*.requests} file in name order,
 * each line {@code METHOD /path [@file [content-type]]} ({@code #} starts a comment), sent with a locally
 * minted SYSTEM_ADMIN token. Through the gateway when it runs, else straight to the owning service.
 * <p>
 * A failed or slow request is reported and retried a bounded number of times; when it still fails the load
 * stops, says so, and is tried again at the next start. It never throws for a request's sake: the platform
 * keeps running whatever the demo data does.
 */
final class DemoLoader {
    /** Attempts per request that got no answer (timeout, closed connection) or a 5xx. */
    static final int ATTEMPTS = 5;

    private final HttpClient http;
    private final UnaryOperator<String> baseUrl;
    private final String token;
    private final Duration requestTimeout;
    private final Duration settle;
    private final PrintStream out;

    /**
     * @param baseUrl        path → base URL of whoever answers it
     * @param requestTimeout how long one attempt may go without an answer
     * @param settle         how long a 4xx is retried: services learn of each other's data through Kafka, so a
     *                       request may be refused until an event has arrived
     */
    DemoLoader(UnaryOperator<String> baseUrl, String token, Duration requestTimeout, Duration settle, PrintStream out) {
        // HTTP/1.1, not the JDK client's default HTTP/2: over plain http that default sends every request on a new
        // connection with "Upgrade: h2c", and an upgrade carrying a request (a POST, a PUT with a body) is the
        // fragile path of Vert.x' server (a response on the upgrading stream could close it early, leaving the
        // client waiting for an answer that never comes). Nothing here needs HTTP/2.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.baseUrl = baseUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.settle = settle;
        this.out = out;
    }

    /** The local run's loader: a SYSTEM_ADMIN token of the stack's keys, 60 s per attempt, 30 s for events to arrive. */
    static boolean loadOnce(LocalStack stack, Path demoDirectory, Path marker) throws IOException, InterruptedException {
        String token = stack.keys().mint("demo-loader", "SYSTEM_ADMIN", null);
        return new DemoLoader(path -> baseUrl(stack, path), token, Duration.ofSeconds(60), Duration.ofSeconds(30),
                System.out).load(demoDirectory, marker);
    }

    /** @return true when the demo data is (now or earlier) loaded; false when a request failed (reported) */
    boolean load(Path demoDirectory, Path marker) throws IOException, InterruptedException {
        if (Files.exists(marker) || !Files.isDirectory(demoDirectory)) {
            return true;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(demoDirectory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".requests")).sorted().toList();
        }
        if (files.isEmpty()) {
            return true;
        }
        int sent = 0;
        for (Path file : files) {
            int lineNumber = 0;
            for (String raw : Files.readAllLines(file)) {
                lineNumber++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String where = file.getFileName() + ":" + lineNumber;
                if (!send(where, line.split("\\s+"), demoDirectory)) {
                    out.println("Demo data not (fully) loaded; the platform keeps running, and the demo load is tried "
                            + "again at the next start.");
                    return false;
                }
                sent++;
            }
        }
        Files.writeString(marker, "loaded " + sent + " requests\n");
        out.println("Demo data loaded (" + sent + " requests).");
        return true;
    }

    /** One request line, retried within bounds; true once it is answered 2xx. */
    private boolean send(String where, String[] parts, Path demoDirectory) throws InterruptedException {
        String method = parts[0];
        String path = parts[1];
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl.apply(path) + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", parts.length > 3 ? parts[3] : "application/json");
        try {
            builder.method(method, parts.length > 2 && parts[2].startsWith("@")
                    ? HttpRequest.BodyPublishers.ofFile(demoDirectory.resolve(parts[2].substring(1)))
                    : HttpRequest.BodyPublishers.noBody());
        } catch (IOException e) {
            out.printf("Demo data: %s %s %s: %s%n", where, method, path, e);
            return false;
        }
        HttpRequest request = builder.build();
        long settleDeadline = System.nanoTime() + settle.toNanos();
        boolean answerLost = false;
        int failures = 0;
        String last;
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return true;
                }
                if (status == 409 && answerLost) {
                    return true; // the attempt whose answer was lost did arrive (the report is already submitted, ...)
                }
                last = "answered " + status + ": " + response.body();
                if (status >= 500 ? ++failures >= ATTEMPTS : System.nanoTime() > settleDeadline) {
                    break;
                }
            } catch (IOException e) { // no answer: timeout, connection refused or closed under the request
                answerLost = true;
                last = "got no answer: " + e;
                if (++failures >= ATTEMPTS) {
                    break;
                }
                out.printf("Demo data: %s %s %s %s; retrying (%d of %d)%n", where, method, path, last, failures + 1, ATTEMPTS);
            }
            Thread.sleep(failures == 0 ? 500 : 1000L * failures);
        }
        out.printf("Demo data: %s %s %s %s%n", where, method, path, last);
        return false;
    }

    /** The gateway when it runs; otherwise the owning service, by the routing table of docs/architecture.md. */
    static String baseUrl(LocalStack stack, String path) {
        if (stack.services().containsKey("gateway")) {
            return stack.service("gateway").url();
        }
        String module;
        if (path.startsWith("/api/v1/surveys") || path.startsWith("/api/v1/public") || path.startsWith("/s/")) {
            module = "survey-service";
        } else if (path.matches("/api/v1/schools/[^/]+/indicators.*")
                || path.matches("/api/v1/counties/[^/]+/(evaluations|findings).*")
                || path.startsWith("/api/v1/rule-sets") || path.startsWith("/api/v1/rollups")) {
            module = "indicator-service";
        } else {
            module = "school-service";
        }
        return stack.service(module).url();
    }
}
