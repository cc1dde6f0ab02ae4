package io.balance.survey.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.io.BufferedWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's load generator, run by {@link SubmitBenchmark} in a JVM of its own so that its threads, heap and
 * JIT do not mix with the service's. One Vert.x event loop, keep-alive HTTP/1.1 connections, no thread per request:
 * on a 2-core machine shared with the service and PostgreSQL the client has to be cheap, or it measures itself.
 *
 * <p>Arguments: the submit URI, then one phase per argument, run in order:
 * {@code fixed,<rate>,<connections>,<requests file>,<results file>} (open loop: request i is due at
 * start + i / rate and its latency counts from then, so a server that falls behind shows its queue) or
 * {@code closed,<clients>,<seconds>,<requests file>,<results file>} (each client sends its next request when
 * the previous one is answered). A requests file has one line per request: invitation code, the client address to
 * put in X-Forwarded-For and the submission id (the page load), separated by spaces. A results file gets one line per request sent: status (-1 when the request
 * failed without an answer) and latency in nanoseconds, after a first line with the phase's duration in seconds.
 */
public final class LoadGenerator {
    static final String ANSWERS = "{\"P01\":\"RECOGNISE\",\"P02\":\"MOSTLY\",\"P03\":\"RECOGNISE\",\"P04\":\"NOT\","
            + "\"P05\":\"UNKNOWN\",\"P06\":\"RECOGNISE\",\"P07\":\"MOSTLY\",\"P08\":\"RECOGNISE\",\"P09\":\"RECOGNISE\","
            + "\"P10\":\"MOSTLY\"}";

    private final Vertx vertx;
    private final URI uri;
    /** One client per pool size, kept across phases: a new phase does not start by opening new connections. */
    private final java.util.Map<Integer, HttpClient> clients = new java.util.HashMap<>();

    private LoadGenerator(Vertx vertx, URI uri) {
        this.vertx = vertx;
        this.uri = uri;
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        try {
            LoadGenerator generator = new LoadGenerator(vertx, URI.create(args[0]));
            for (int i = 1; i < args.length; i++) {
                String[] p = args[i].split(",");
                List<String> requests = Files.readAllLines(Path.of(p[3]));
                Result r = switch (p[0]) {
                    case "fixed" -> generator.fixed(requests, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                    case "closed" -> generator.closed(requests, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                    default -> throw new IllegalArgumentException("unknown phase " + p[0]);
                };
                r.write(Path.of(p[4]));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Per request (by index): status and latency; {@code sent} requests were sent in {@code seconds}. */
    record Result(int[] status, long[] latency, int sent, double seconds) {
        void write(Path file) throws Exception {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write(seconds + "\n");
                for (int i = 0; i < sent; i++) {
                    w.write(status[i] + " " + latency[i] + "\n");
                }
            }
        }
    }

    private HttpClient client(int connections) {
        return clients.computeIfAbsent(connections, n -> vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(n).setMaxWaitQueueSize(-1)));
    }

    private Future<Integer> send(HttpClient http, String line) {
        int space = line.indexOf(' ');
        int second = line.indexOf(' ', space + 1);
        String code = line.substring(0, space);
        String address = line.substring(space + 1, second);
        String submissionId = line.substring(second + 1);
        Buffer body = Buffer.buffer("{\"invitation\":\"" + code + "\",\"submissionId\":\"" + submissionId
                + "\",\"answers\":" + ANSWERS + "}");
        return http.request(HttpMethod.POST, uri.getPort(), uri.getHost(), uri.getRawPath())
                .compose(req -> req.putHeader("Content-Type", "application/json")
                        .putHeader("X-Forwarded-For", address).idleTimeout(30_000).send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    /** Open loop at {@code rate} requests a second over at most {@code connections} connections. */
    private Result fixed(List<String> requests, int rate, int connections) throws Exception {
        int n = requests.size();
        int[] status = new int[n];
        long[] latency = new long[n];
        HttpClient http = client(connections);
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime() + 20_000_000L;
        int[] next = {0};
        int[] finished = {0};
        // a 1 ms tick on the event loop sends every request that has fallen due; latency counts from the due time
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (next[0] < n) {
                int i = next[0];
                long due = start + i * 1_000_000_000L / rate;
                if (due > now) {
                    break;
                }
                next[0]++;
                send(http, requests.get(i)).onComplete(ar -> {
                    latency[i] = System.nanoTime() - due;
                    status[i] = ar.succeeded() ? ar.result() : -1;
                    if (++finished[0] == n) {
                        done.complete(null);
                    }
                });
            }
            if (next[0] == n) {
                vertx.cancelTimer(timer);
            }
        });
        done.get(n / rate + 180, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(status, latency, n, seconds);
    }

    /** Closed loop: {@code clients} clients, each sending its next request when the previous is answered. */
    private Result closed(List<String> requests, int clients, int seconds) throws Exception {
        int n = requests.size();
        int[] status = new int[n];
        long[] latency = new long[n];
        HttpClient http = client(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int[] next = {0};
        int[] active = {clients};
        Promise<Void> done = Promise.promise();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            for (int c = 0; c < clients; c++) {
                loop(http, requests, status, latency, next, end, active, done);
            }
        });
        done.future().onComplete(v -> finished.complete(null));
        finished.get(seconds + 180L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(status, latency, next[0], elapsed);
    }

    private void loop(HttpClient http, List<String> requests, int[] status, long[] latency, int[] next, long end,
            int[] active, Promise<Void> done) {
        if (System.nanoTime() >= end || next[0] >= requests.size()) {
            if (--active[0] == 0) {
                done.complete();
            }
            return;
        }
        int i = next[0]++;
        long t0 = System.nanoTime();
        send(http, requests.get(i)).onComplete(ar -> {
            latency[i] = System.nanoTime() - t0;
            status[i] = ar.succeeded() ? ar.result() : -1;
            loop(http, requests, status, latency, next, end, active, done);
        });
    }
}
