package io.balance.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine without Docker: PostgreSQL, Kafka, signing keys, and every built
 * service as a child process, wired by environment variables (docs/architecture.md). {@code ./run.sh}
 * runs {@link #main}; system tests use {@link #builder()} with free ports and a temporary directory.
 *
 * @param services the running services by module name, in start order
 */
public record LocalStack(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, JwtKeys keys,
        Map<String, ServiceProcess> services, Path directory) implements AutoCloseable {
    /**
     * Module, database, default port, default management port (health, metrics: Quarkus' management interface).
     * The gateway comes last: it needs the others' URLs.
     */
    public record ServiceSpec(String module, String database, int defaultPort, int defaultManagementPort) {
    }

    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("school-service", "school", 8081, 9081),
            new ServiceSpec("indicator-service", "indicator", 8082, 9082),
            new ServiceSpec("survey-service", "survey", 8083, 9083),
            new ServiceSpec("supervision-service", "supervision", 8084, 9084),
            new ServiceSpec("gateway", "gateway", 8080, 9080));

    public static Builder builder() {
        return new Builder();
    }

    public ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException(module + " is not running (was it built?)");
        }
        return service;
    }

    /** Where clients go: the gateway if it runs, else the school service. */
    public String entryUrl() {
        return services.containsKey("gateway") ? services.get("gateway").url()
                : services.values().iterator().next().url();
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        kafka.close();
        postgres.close();
    }

    /** A random secret kept in {@code file}, created on first use. */
    static String secret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new java.security.SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Files.writeString(file, java.util.HexFormat.of().formatHex(random));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private Path repoRoot = Path.of(System.getProperty("balance.repo.root", ".")).toAbsolutePath().normalize();
        private Path dataDirectory;
        private boolean freePorts = true;
        private List<String> modules;
        private final Map<String, String> extraEnvironment = new HashMap<>();

        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
            return this;
        }

        /** Kept between runs; null (default) for a temporary directory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** false: the fixed ports of the local run (8080-8084, management 9080-9084, PostgreSQL 55432, Kafka 59092). */
        public Builder freePorts(boolean freePorts) {
            this.freePorts = freePorts;
            return this;
        }

        /** Only these modules (default: every module that has been built). */
        public Builder modules(String... modules) {
            this.modules = List.of(modules);
            return this;
        }

        /** Extra environment for every service, e.g. a shorter coalescing interval in tests. */
        public Builder environment(String name, String value) {
            extraEnvironment.put(name, value);
            return this;
        }

        public LocalStack start() {
            Path directory;
            try {
                directory = dataDirectory != null ? Files.createDirectories(dataDirectory)
                        : Files.createTempDirectory("balance-stack-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean keep = dataDirectory != null;
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                    keep ? directory.resolve("postgres") : null, freePorts ? 0 : 55432);
            EmbeddedKafkaBroker kafka = null;
            Map<String, ServiceProcess> started = new LinkedHashMap<>();
            try {
                kafka = EmbeddedKafkaBroker.start(keep ? directory.resolve("kafka") : null, freePorts ? 0 : 59092);
                JwtKeys keys = JwtKeys.inDirectory(directory.resolve("keys"));
                Map<String, String> urls = new HashMap<>();
                Map<String, Integer> ports = new HashMap<>();
                SERVICES.forEach(spec -> ports.put(spec.module(), freePorts ? Ports.free() : spec.defaultPort()));
                for (ServiceSpec spec : SERVICES) {
                    Path jar = repoRoot.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
                    boolean wanted = modules == null ? Files.exists(jar) : modules.contains(spec.module());
                    if (!wanted) {
                        continue;
                    }
                    if (!Files.exists(jar)) {
                        throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
                    }
                    postgres.ensureDatabase(spec.database());
                    int port = ports.get(spec.module());
                    int managementPort = freePorts ? Ports.free() : spec.defaultManagementPort();
                    Map<String, String> env = new HashMap<>();
                    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
                    env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
                    env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
                    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
                    env.put("QUARKUS_PROFILE", "local");
                    if (spec.module().equals("survey-service")) {
                        // keys the HMAC of respondents' address ranges; stable across local runs
                        env.put("BALANCE_SURVEY_SECRET", secret(directory.resolve("keys").resolve("survey-secret")));
                        // printed into the invitations' QR codes: parents reach the questionnaire through the gateway
                        env.put("BALANCE_PUBLIC_URL", "http://localhost:" + ports.get("gateway"));
                    }
                    if (spec.module().equals("gateway")) {
                        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKeyFile().toUri().toString());
                        env.put("BALANCE_ADMIN_PASSWORD", System.getenv().getOrDefault("BALANCE_ADMIN_PASSWORD", "admin"));
                        urls.forEach((module, url) -> env.put(
                                "BALANCE_SERVICES_" + module.replace("-service", "").toUpperCase() + "_URL", url));
                    }
                    env.putAll(extraEnvironment);
                    ServiceProcess service = new ServiceProcess(new ServiceProcess.Launch(spec.module(), jar, port,
                            managementPort, env, directory.resolve("logs").resolve(spec.module() + ".log")));
                    service.start();
                    started.put(spec.module(), service);
                    urls.put(spec.module(), service.url());
                }
                // the services start in parallel; the gateway needs only their URLs, not their readiness
                for (ServiceProcess service : started.values()) {
                    service.awaitReady(Duration.ofSeconds(180));
                }
                return new LocalStack(postgres, kafka, keys, started, directory);
            } catch (RuntimeException e) {
                started.values().forEach(ServiceProcess::stop);
                if (kafka != null) {
                    kafka.close();
                }
                postgres.close();
                throw e;
            }
        }
    }

    /**
     * The local run: {@code java io.balance.infra.LocalStack <repo-root>}. Data under {@code <repo-root>/.local},
     * fixed ports, demo data loaded once, stops everything on Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = root.resolve(".local");
        System.out.println("Starting PostgreSQL, Kafka and the services (data in " + data + ") ...");
        LocalStack stack = builder().repoRoot(root).dataDirectory(data).freePorts(false).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            DemoLoader.loadOnce(stack, root.resolve("demo"), data.resolve("demo-loaded"));
        } catch (IOException | RuntimeException e) {
            // the demo county is a convenience: the platform keeps running without it
            System.out.println("Demo data not loaded (" + e + "); the platform keeps running, and the demo load is "
                    + "tried again at the next start.");
        }
        System.out.println();
        System.out.println("The platform is running.");
        System.out.println("  Entry point      " + stack.entryUrl());
        if (stack.services().containsKey("gateway")) {
            System.out.println("  Web console      " + stack.entryUrl() + "/console/");
            System.out.println("  API docs         " + stack.entryUrl() + "/swagger-ui/  (merged OpenAPI "
                    + stack.entryUrl() + "/openapi)");
            System.out.println("  Sign in          admin / " + (System.getenv("BALANCE_ADMIN_PASSWORD") == null
                    ? "admin (set BALANCE_ADMIN_PASSWORD to change)" : "$BALANCE_ADMIN_PASSWORD"));
        }
        stack.services().forEach((module, service) -> {
            // the gateway answers /q/* with 404 on its public port: its own document is the merged one above
            String openApi = module.equals("gateway") ? "" : "OpenAPI " + service.url() + "/q/openapi, ";
            System.out.printf("  %-16s %s  (%shealth %s/q/health, log %s)%n", module, service.url(), openApi,
                    service.managementUrl(), root.relativize(service.launch().logFile()));
        });
        System.out.println("  PostgreSQL       " + stack.postgres().jdbcUrl("<db>") + " (user postgres)");
        System.out.println("  Kafka            " + stack.kafka().bootstrapServers());
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }
}
