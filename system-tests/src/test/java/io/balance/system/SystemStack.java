package io.balance.system;

import io.balance.infra.LocalStack;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system once for the module: real PostgreSQL, a real Kafka broker, and every built service jar
 * (school, indicator, survey, supervision, gateway) on free ports, started by {@link LocalStack} exactly as {@code ./run.sh}
 * starts them (QUARKUS_PROFILE=local). Tests talk only to the gateway. The stack and the {@link World} fixture are
 * kept in JUnit's root store and closed when the test run ends.
 */
public final class SystemStack implements BeforeAllCallback {
    private static final String KEY = "balance.system-stack";
    /** Every service, each with its own database (LocalStack.SERVICES), the gateway routing to all of them. */
    static final String[] MODULES = {"school-service", "indicator-service", "survey-service", "supervision-service",
            "gateway"};

    /** The running stack and the fixture built on it through the gateway. */
    public record Running(LocalStack stack, World world) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> start(), Running.class);
    }

    public static LocalStack stack() {
        return running.stack();
    }

    public static World world() {
        return running.world();
    }

    private static Running start() {
        Path root = Path.of(System.getProperty("balance.repo.root", "..")).toAbsolutePath().normalize();
        for (String module : MODULES) {
            if (!Files.exists(root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                throw new IllegalStateException(module + " is not built: run ./mvnw -B package -DskipTests -am -pl "
                        + module + " (the root build packages every service before system-tests)");
            }
        }
        LocalStack stack = LocalStack.builder()
                .repoRoot(root)
                .modules(MODULES)
                // every sign-in of the tests comes from 127.0.0.1: that source is not throttled as one caller
                .environment("BALANCE_RATE_LIMIT_TOKEN_PER_MINUTE", "600")
                .environment("BALANCE_AUTH_THROTTLE_SOURCE_FREE_FAILURES", "100000")
                .environment("BALANCE_PROXY_CIRCUIT_OPEN_DURATION", "2s")
                // survey-service signs invitation codes; LocalStack does not pass this secret (yet), so a per-run one
                .environment("BALANCE_SURVEY_SECRET", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID())
                .start();
        try {
            URI gateway = URI.create(stack.service("gateway").url());
            RestAssured.baseURI = "http://" + gateway.getHost();
            RestAssured.port = gateway.getPort();
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
            World world = World.build(Duration.ofSeconds(60));
            return new Running(stack, world);
        } catch (RuntimeException | Error e) {
            System.err.println("system stack logs under " + stack.directory().resolve("logs"));
            stack.close();
            throw e;
        }
    }
}
