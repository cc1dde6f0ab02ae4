package io.balance.survey.bench;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's infrastructure: the shared Kafka broker and token keys, but its own PostgreSQL cluster with a
 * data directory, which embedded-infra starts with {@code fsync=on}, and {@code synchronous_commit=on} for the
 * service's database (the shared test cluster runs with both off; a 201 must mean the answer is on disk).
 */
public class DurableInfraResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgresServer postgres;
    private static Path directory;

    /** Only the benchmark's resource, none of the module's global ones. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DurableInfraResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        /** The production intervals, not the test profile's shorter ones: background work costs what it will. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balance.survey.lifecycle-interval", "5s", "balance.survey.results.publish-interval", "5s");
        }
    }

    public static synchronized String jdbcUrl() {
        return postgres.jdbcUrl("survey");
    }

    @Override
    public synchronized Map<String, String> start() {
        EmbeddedInfra.ensureStarted();
        try {
            directory = Files.createTempDirectory("survey-bench-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = EmbeddedPostgresServer.start(directory, 0);
        postgres.ensureDatabase("survey");
        // zonky starts the server with synchronous_commit=off; a database setting outranks that default
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE survey SET synchronous_commit = on");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("survey"));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", EmbeddedInfra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", EmbeddedInfra.keys().publicKeyFile().toUri().toString());
        return config;
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the OS cleans it eventually
            }
        }
    }
}
