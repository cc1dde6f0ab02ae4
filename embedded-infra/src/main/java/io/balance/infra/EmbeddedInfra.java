package io.balance.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PostgreSQL server, one Kafka broker and one signing key pair per test JVM, started on first use and
 * stopped when the JVM exits (and reaped if it dies). Quarkus restarts an application between test
 * profiles; the infrastructure stays, so a module pays the start-up once.
 */
public final class EmbeddedInfra {
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static JwtKeys keys;

    private EmbeddedInfra() {
    }

    public static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgresServer.start(null, 0);
        kafka = EmbeddedKafkaBroker.start(null, 0);
        Path keyDirectory;
        try {
            keyDirectory = Files.createTempDirectory("balance-keys-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys = JwtKeys.inDirectory(keyDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            keys.privateKeyFile().toFile().delete();
            keys.publicKeyFile().toFile().delete();
            keyDirectory.toFile().delete();
        }, "embedded-infra-stop"));
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        ensureStarted();
        return postgres;
    }

    /** The broker; tests may {@link EmbeddedKafkaBroker#stop()} and {@link EmbeddedKafkaBroker#start()} it. */
    public static synchronized EmbeddedKafkaBroker kafka() {
        ensureStarted();
        return kafka;
    }

    /** Mints tokens the services under test accept. */
    public static synchronized JwtKeys keys() {
        ensureStarted();
        return keys;
    }
}
