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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One built Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a child process. */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * What every (re)start runs: the same jar, ports, environment and log file.
     *
     * @param managementPort Quarkus' management interface: {@code /q/health}, {@code /q/metrics}; never routed by
     *                       the gateway
     */
    public record Launch(String name, Path jar, int port, int managementPort, Map<String, String> environment,
            Path logFile) {
    }

    private final Launch launch;
    private Process process;
    private Reaper reaper;

    ServiceProcess(Launch launch) {
        this.launch = launch;
    }

    public Launch launch() {
        return launch;
    }

    public String url() {
        return "http://localhost:" + launch.port();
    }

    public String managementUrl() {
        return "http://localhost:" + launch.managementPort();
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the process; {@link #awaitReady(Duration)} waits for it. */
    public synchronized void start() {
        if (running()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + launch.port(),
                "-Dquarkus.management.port=" + launch.managementPort(),
                "-jar", launch.jar().toString()));
        try {
            Files.createDirectories(launch.logFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
            builder.environment().putAll(launch.environment());
            process = builder.start();
            reaper = Reaper.watch(Long.toString(process.pid()), "TERM");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launch.name(), e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} on the management port answers 200. Every service serves health there only
     * (never on its API port, which the gateway routes), so nothing else counts as ready.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running()) {
                throw new IllegalStateException(launch.name() + " exited; see " + launch.logFile());
            }
            if (ready(managementUrl())) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(launch.name() + " not ready after " + timeout + "; see " + launch.logFile());
    }

    private static boolean ready(String base) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: a crash, no shutdown hooks (tests of what survives one). */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reaper.cancel();
        process = null;
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL after 20 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        reaper.cancel();
        process = null;
    }
}
