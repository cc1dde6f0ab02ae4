package io.balance.gateway.benchmark;

import io.balance.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's anchor: Debian's nginx ({@code apt-get install nginx-light}) as a plain reverse proxy with
 * keep-alive connections to the same stand-in service, started by the benchmark with its own configuration under
 * {@code target/nginx-bench/} (pid, logs and temp paths there too; a free port on loopback) and stopped by its PID.
 * {@link #start} returns null when nginx is not installed.
 */
final class NginxBaseline implements AutoCloseable {
    static final String BINARY = System.getProperty("benchmark.nginx", "/usr/sbin/nginx");

    private final Process process;
    final int port;
    final String version;

    private NginxBaseline(Process process, int port, String version) {
        this.process = process;
        this.port = port;
        this.version = version;
    }

    static NginxBaseline start(int upstreamPort) throws IOException, InterruptedException {
        Path binary = Path.of(BINARY);
        if (!Files.isExecutable(binary)) {
            return null;
        }
        Path dir = Path.of("target", "nginx-bench").toAbsolutePath();
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("temp"));
        int port = Ports.free();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, upstreamPort));
        Process process = new ProcessBuilder(BINARY, "-p", dir + "/", "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Ports.listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("nginx did not start; see " + dir.resolve("logs"));
            }
            Thread.sleep(50);
        }
        return new NginxBaseline(process, port, version());
    }

    /** Debian's defaults where they matter (workers per core, proxy buffering), keep-alive to the upstream. */
    static String config(Path dir, int port, int upstreamPort) {
        String temp = dir.resolve("temp").toString();
        return """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    upstream service {
                        server 127.0.0.1:%4$d;
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://service;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """.formatted(dir, temp, port, upstreamPort);
    }

    /** Stops nginx by its PID (SIGTERM: fast shutdown), forcibly if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    long pid() {
        return process.pid();
    }

    private static String version() throws IOException, InterruptedException {
        Process v = new ProcessBuilder(BINARY, "-v").redirectErrorStream(true).start();
        String out = new String(v.getInputStream().readAllBytes()).trim();
        v.waitFor(5, TimeUnit.SECONDS);
        return out.replace("nginx version: ", "");
    }
}
