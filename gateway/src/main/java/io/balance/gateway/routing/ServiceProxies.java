package io.balance.gateway.routing;

import io.balance.kit.problem.Problem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * One Vert.x reverse proxy ({@link HttpProxy}) per service behind the gateway. Bodies stream through in both
 * directions (imports are never held in memory). Each service has a circuit breaker (SmallRye Fault Tolerance) that
 * counts only the service's own failures ({@link ServiceFailure}: no connection, connection lost, no answer within
 * the idle timeout); load the gateway queues, a body over the limit or a client that went away never open it.
 */
@ApplicationScoped
public class ServiceProxies {
    private static final Logger LOG = Logger.getLogger(ServiceProxies.class);
    public static final String LIMIT_HEADER = "x-balance-body-limit"; // internal, removed before forwarding

    /** A service behind the gateway. Kept in the order of docs/architecture.md. */
    public record Service(String name, URI url, String openApiUrl, Breaker breaker) {
    }

    private final Map<String, Service> services = new java.util.LinkedHashMap<>();
    /**
     * One HTTP client, and so one connection pool, per event loop, with that loop's proxies: a pool's connections
     * are opened on the loop of the request that needed them, and Vert.x 4's pool hands any idle connection to any
     * loop, so with one shared pool most exchanges hopped to another loop's thread and back (two task hand-offs and
     * wake-ups per request). Per loop, a request is read, forwarded and answered on one thread, as nginx's worker does.
     */
    private final ThreadLocal<Map<String, HttpProxy>> loopProxies = new ThreadLocal<>();
    private final java.util.Queue<HttpClient> clients = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private Vertx vertx;
    private int connectionsPerLoop;
    private Map<String, HttpProxy> offLoop;

    @jakarta.inject.Inject
    io.balance.gateway.audit.AuditOutcomes auditOutcomes;
    @jakarta.inject.Inject
    ProxySettings settings;
    @jakarta.inject.Inject
    ServiceEndpoints endpoints;

    void start(@Observes StartupEvent event, Vertx vertx, Config config) {
        this.vertx = vertx;
        // the configured maximum is per service for the whole gateway: shared out over the event loops
        int loops = config.getOptionalValue("quarkus.vertx.event-loops-size", Integer.class)
                .orElse(2 * Runtime.getRuntime().availableProcessors());
        int maxConnections = settings.maxConnectionsPerService();
        connectionsPerLoop = Math.max(1, (maxConnections + loops - 1) / loops);
        ProxySettings.Circuit circuit = settings.circuit();
        for (Map.Entry<String, ServiceEndpoints.Endpoint> endpoint : endpoints.byName().entrySet()) {
            String name = endpoint.getKey();
            URI url = endpoint.getValue().url();
            // where the service publishes its document: its management port once it has one
            String openApiUrl = endpoint.getValue().openapiUrl().orElse(url + "/q/openapi");
            Breaker breaker = new Breaker(name, circuit.requestVolume(), circuit.failureRatio(), circuit.openDuration());
            services.put(name, new Service(name, url, openApiUrl, breaker));
            LOG.infof("routing to %s at %s", name, url);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        clients.forEach(HttpClient::close);
    }

    /** This event loop's proxies, made at its first request; off the event loops (never expected) one shared set. */
    private Map<String, HttpProxy> proxiesOfThisLoop() {
        if (!io.vertx.core.Context.isOnEventLoopThread()) {
            synchronized (this) {
                if (offLoop == null) {
                    offLoop = newProxies();
                }
                return offLoop;
            }
        }
        Map<String, HttpProxy> proxies = loopProxies.get();
        if (proxies == null) {
            proxies = newProxies();
            loopProxies.set(proxies);
        }
        return proxies;
    }

    private Map<String, HttpProxy> newProxies() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false),
                // requests beyond the pool wait in an unbounded queue: the gateway's own queueing is no failure
                new PoolOptions().setHttp1MaxSize(connectionsPerLoop).setMaxWaitQueueSize(-1));
        clients.add(client);
        Map<String, HttpProxy> proxies = new java.util.HashMap<>();
        for (Service service : services.values()) {
            URI url = service.url();
            SocketAddress address = SocketAddress.inetSocketAddress(port(url), url.getHost());
            proxies.put(service.name(), HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(new RequestOptions()
                            .setServer(address)
                            .setHost(url.getHost())
                            .setPort(port(url))
                            .setIdleTimeout(settings.idleTimeout().toMillis())))
                    .addInterceptor(auditOutcomes) // first: it sees every answer, the Guard's problems included
                    .addInterceptor(new Guard(service.name(), service.breaker())));
        }
        return proxies;
    }

    public Service service(String name) {
        return services.get(name);
    }

    public Map<String, Service> services() {
        return services;
    }

    /** Hands the request to the service's proxy; must run in the same event-loop turn the request arrived in. */
    public void forward(String service, HttpServerRequest request) {
        proxiesOfThisLoop().get(service).handle(request);
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
    }

    /** Circuit breaking, the streaming size limit, forwarding headers, and problem answers for failures. */
    private static final class Guard implements ProxyInterceptor {
        /** What a client could write to pass for another address, host or scheme downstream. */
        private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For",
                "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Proto", "X-Real-IP");
        private final String service;
        private final Breaker breaker;

        Guard(String service, Breaker breaker) {
            this.service = service;
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            String limitHeader = request.headers().get(LIMIT_HEADER);
            request.headers().remove(LIMIT_HEADER);
            LimitedReadStream limited = null;
            Body body = request.getBody();
            if (body != null && body.length() < 0 && limitHeader != null) {
                // chunked: count while streaming (a declared Content-Length was checked before routing)
                limited = new LimitedReadStream(body.stream(), Long.parseLong(limitHeader));
                request.setBody(Body.body(limited, -1));
            }
            // The gateway is the edge: services see the one client address it resolved (the peer, or what a trusted
            // proxy in front forwarded), never an X-Forwarded-For the client wrote itself, which would let one
            // phone pass for many address ranges past the survey's rate limits and burst checks.
            for (String spoofable : FORWARDING_HEADERS) {
                request.headers().remove(spoofable);
            }
            SocketAddress client = incoming.remoteAddress();
            if (client != null) {
                request.headers().set("X-Forwarded-For", client.hostAddress());
            }
            request.headers().set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            LimitedReadStream counted = limited;
            return breaker.call(() -> context.sendRequest().transform(result -> {
                if (result.succeeded()) {
                    return Future.succeededFuture(result.result());
                }
                Throwable cause = result.cause();
                if (counted != null && counted.exceeded()) {
                    return Future.succeededFuture(problem(request, 413, "payload-too-large", "Payload too large",
                            "the body exceeds " + limitHeader + " bytes", 0));
                }
                ServiceFailure failure = ServiceFailure.classify(cause, incoming.response().closed());
                if (failure == null) {
                    return Future.succeededFuture(problem(request, 503, "service-unavailable", "Service unavailable",
                            service + " could not be reached now; try again shortly", 1));
                }
                LOG.warnf("%s: %s", service, cause.toString());
                return Future.failedFuture(failure);
            })).recover(failure -> {
                if (failure instanceof CircuitBreakerOpenException) {
                    return Future.succeededFuture(problem(request, 503, "service-unavailable", "Service unavailable",
                            service + " is not answering; try again shortly", breaker.retryAfterSeconds()));
                }
                ServiceFailure f = (ServiceFailure) failure;
                return Future.succeededFuture(f.timeout()
                        ? problem(request, 504, "gateway-timeout", "Service timeout", service + " did not answer in time", 0)
                        : problem(request, 503, "service-unavailable", "Service unavailable",
                        service + " is not reachable; try again shortly", breaker.retryAfterSeconds()));
            });
        }

        private static ProxyResponse problem(ProxyRequest request, int status, String type, String title, String detail,
                                             long retryAfter) {
            String instance = request.proxiedRequest().path();
            request.release();
            ProxyResponse response = request.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .setBody(Body.body(RoutingProblems.body(status, type, title, detail, instance)));
            if (retryAfter > 0) {
                response.putHeader("Retry-After", Long.toString(retryAfter));
            }
            if (status == 413) {
                response.putHeader("Connection", "close");
            }
            return response;
        }
    }
}
