package io.balance.gateway.openapi;

import io.balance.gateway.routing.ServiceProxies;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code GET /openapi} (YAML; {@code ?format=json} for JSON): one OpenAPI document for the whole API, the services'
 * documents merged into the gateway's own (read in-process: the gateway's {@code /q} endpoints are on its
 * management port only). Fetched at most once per cache period; a service that does not answer keeps its last good document
 * (or is listed as unavailable), so the documentation never fails because one service is down.
 */
@ApplicationScoped
public class MergedOpenApi {
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML = new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    @Inject
    ServiceProxies proxies;
    @Inject
    OpenApiDocumentService ownDocument;
    @Inject
    OpenApiSettings settings;

    private final Map<String, JsonObject> lastGood = new ConcurrentHashMap<>();
    private volatile String cached;
    private volatile long cachedAt;

    void register(@Observes Router router) {
        router.get("/openapi").blockingHandler(this::serve, false);
    }

    void serve(RoutingContext rc) {
        String format = rc.request().getParam("format");
        boolean json = format != null && format.equalsIgnoreCase("json");
        String doc = document();
        String body;
        try {
            body = json ? doc : YAML.writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(doc));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rc.response().putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .putHeader("Cache-Control", "public, max-age=" + settings.cacheTtl().toSeconds())
                .end(body);
    }

    String document() {
        long now = System.nanoTime();
        String current = cached;
        if (current != null && now - cachedAt < settings.cacheTtl().toNanos()) {
            return current;
        }
        Map<String, CompletableFuture<JsonObject>> pending = new LinkedHashMap<>();
        pending.put("gateway", CompletableFuture.completedFuture(own()));
        proxies.services().values().forEach(s -> pending.put(s.name(), fetch(s.openApiUrl() + "?format=json")));
        Map<String, JsonObject> services = new LinkedHashMap<>();
        JsonObject gateway = null;
        boolean complete = true;
        for (Map.Entry<String, CompletableFuture<JsonObject>> e : pending.entrySet()) {
            JsonObject doc = e.getValue().join();
            if (doc != null) {
                lastGood.put(e.getKey(), doc);
            } else {
                complete = false;
                doc = lastGood.get(e.getKey());
            }
            if (e.getKey().equals("gateway")) {
                gateway = doc;
            } else {
                services.put(e.getKey(), doc);
            }
        }
        if (gateway == null) {
            gateway = new JsonObject().put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "balance").put("version", "v1"));
        }
        String merged = OpenApiMerger.merge(gateway, services).encodePrettily();
        // an incomplete document is served but retried soon rather than kept for the whole period
        cached = merged;
        cachedAt = complete ? now : now - settings.cacheTtl().toNanos() + Duration.ofSeconds(5).toNanos();
        return merged;
    }

    private JsonObject own() {
        try {
            byte[] json = ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
            return new JsonObject(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warn("the gateway's own OpenAPI document is not available", e);
            return null;
        }
    }

    private static CompletableFuture<JsonObject> fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> r.statusCode() == 200 ? new JsonObject(r.body()) : null)
                .exceptionally(e -> {
                    LOG.debugf("OpenAPI of %s not available: %s", url, e.toString());
                    return null;
                });
    }
}
