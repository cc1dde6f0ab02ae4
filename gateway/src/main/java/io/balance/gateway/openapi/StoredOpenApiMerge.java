package io.balance.gateway.openapi;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merged document at build time: the documents the modules stored while building
 * ({@code quarkus.smallrye-openapi.store-schema-directory}) go through the same {@link OpenApiMerger#merge} that
 * serves {@code /q/openapi} at run time, so the client province-client generates matches what the gateway serves.
 * Run by province-client's build (exec-maven-plugin); not part of the running gateway.
 *
 * <p>Arguments: {@code <output> <gateway document> <service>=<document>...}, services in the gateway's routing
 * order. A missing document fails the build: a client without one service's operations is not a client.
 */
public final class StoredOpenApiMerge {
    private StoredOpenApiMerge() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: <output> <gateway document> <service>=<document>...");
        }
        JsonObject gateway = read(Path.of(args[1]));
        Map<String, JsonObject> services = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not <service>=<document>: " + args[i]);
            }
            services.put(args[i].substring(0, eq), read(Path.of(args[i].substring(eq + 1))));
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, OpenApiMerger.merge(gateway, services).encodePrettily(), StandardCharsets.UTF_8);
    }

    private static JsonObject read(Path document) throws IOException {
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException(document + " is missing: build that module first (its application.properties "
                    + "sets quarkus.smallrye-openapi.store-schema-directory=target/openapi)");
        }
        return new JsonObject(Files.readString(document, StandardCharsets.UTF_8));
    }
}
