package io.balance.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the demo county through the public API, once: every {@code demo/*.requests} file in name order,
 * each line {@code METHOD /path [@file [content-type]]} ({@code #} starts a comment), sent with a locally
 * minted SYSTEM_ADMIN token. Through the gateway when it runs, else straight to the owning service.
 */
final class DemoLoader {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoLoader() {
    }

    static void loadOnce(LocalStack stack, Path demoDirectory, Path marker) throws IOException, InterruptedException {
        if (Files.exists(marker) || !Files.isDirectory(demoDirectory)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(demoDirectory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".requests")).sorted().toList();
        }
        if (files.isEmpty()) {
            return;
        }
        String token = stack.keys().mint("demo-loader", "SYSTEM_ADMIN", null);
        int sent = 0;
        for (Path file : files) {
            int lineNumber = 0;
            for (String raw : Files.readAllLines(file)) {
                lineNumber++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                String method = parts[0];
                String path = parts[1];
                HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
                String contentType = "application/json";
                if (parts.length > 2 && parts[2].startsWith("@")) {
                    body = HttpRequest.BodyPublishers.ofFile(demoDirectory.resolve(parts[2].substring(1)));
                    if (parts.length > 3) {
                        contentType = parts[3];
                    }
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(stack, path) + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .method(method, body)
                        .build();
                // Services learn of each other's data through Kafka (a survey needs its county from the
                // registry events), so a request may be refused until an event has arrived: retry for a while.
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (response.statusCode() >= 300 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                }
                if (response.statusCode() >= 300) {
                    System.out.printf("Demo data: %s:%d %s %s answered %d: %s%n", file.getFileName(), lineNumber,
                            method, path, response.statusCode(), response.body());
                    System.out.println("Demo data not (fully) loaded; it is tried again at the next start.");
                    return;
                }
                sent++;
            }
        }
        Files.writeString(marker, "loaded " + sent + " requests\n");
        System.out.println("Demo data loaded (" + sent + " requests).");
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
