package io.balance.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the zonky binaries (no Docker). With a data directory the cluster is kept
 * between runs (the local run); without one it lives in a temporary directory (tests).
 */
public record EmbeddedPostgresServer(EmbeddedPostgres postgres, Reaper reaper, int port) implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /**
     * @param dataDirectory kept between runs when not null
     * @param port          0 picks a free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        int chosen = port == 0 ? Ports.free() : port;
        try {
            boolean temporary = dataDirectory == null;
            Path directory = temporary ? Files.createTempDirectory("balance-pg-") : dataDirectory;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(temporary)
                    .setPort(chosen)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    // A test cluster is thrown away, so it need not survive a power cut; a kept one (the local run)
                    // must: fsync, and durable commits (zonky's default is synchronous_commit=off, which may lose
                    // an answer or a report acknowledged just before a crash).
                    .setServerConfig("fsync", temporary ? "off" : "on")
                    .setServerConfig("synchronous_commit", temporary ? "off" : "on");
            EmbeddedPostgres postgres = builder.start();
            // fast shutdown on SIGINT, then the temporary directory goes too
            Reaper reaper = Reaper.watch("$(head -1 '" + directory.resolve("postmaster.pid") + "' 2>/dev/null)", "INT",
                    temporary ? directory : null);
            return new EmbeddedPostgresServer(postgres, reaper, chosen);
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start on port " + chosen, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not stop cleanly", e);
        } finally {
            reaper.cancel();
        }
    }
}
