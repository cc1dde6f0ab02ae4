package io.balance.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real embedded PostgreSQL and Kafka broker and at the
 * test key pair. Use it once per module:
 * {@code @QuarkusTestResource(EmbeddedInfraTestResource.class)} on any test class (it then applies to all).
 * Optional init arg {@code database}: a database created for the service (default {@code postgres}).
 */
public class EmbeddedInfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedInfra.ensureStarted();
        EmbeddedPostgresServer postgres = EmbeddedInfra.postgres();
        postgres.ensureDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", EmbeddedInfra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", EmbeddedInfra.keys().publicKeyFile().toUri().toString());
        config.put("smallrye.jwt.sign.key.location", EmbeddedInfra.keys().privateKeyFile().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure outlives one application start; EmbeddedInfra stops it when the JVM exits
    }
}
