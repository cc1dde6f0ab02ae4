package io.balance.gateway.routing;

import io.balance.gateway.audit.AuditLog;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.gateway.ratelimit.RateLimits;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Every request passes here first (before the gateway's own resources, Swagger UI and static pages):
 * security headers, path sanity, the early token check (401), rate limits (429), size limits (413), the audit
 * entry of writes and sensitive reads, and finally routing to the owning service. It runs in the event-loop turn the
 * request arrived in, except for audited requests, which go on once their entry is in PostgreSQL; either way the body
 * is still unread (Quarkus keeps the request paused) when the proxy takes it and streams it on.
 */
@ApplicationScoped
public class GatewayFilter {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GatewayFilter.class);
    /** Routing-context key: the verified caller, for the gateway's own resources and the audit log. */
    public static final String CALLER = "balance.caller";
    /**
     * After CORS (filter priority 300, route order -300), before Quarkus' lazy authentication and HTTP permission
     * handlers (-200, -100) and everything later (upload limit, Quarkus REST, static resources). A proxied request ends
     * here: it never needs Quarkus' security identity (the gateway checks the token itself, the service again), and
     * skipping those handlers' per-request Mutiny and context-propagation work is a measured part of the proxy's cost
     * (benchmarks/results.md). Everything else continues through them as before ({@code rc.next()}).
     */
    static final int ORDER = -250;

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    // Swagger UI and the survey's questionnaire pages ship inline bootstrap code
    static final String LENIENT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Inject
    TokenVerifier tokens;
    @Inject
    RateLimits rateLimits;
    @Inject
    ServiceProxies proxies;
    @Inject
    AuditLog audit;

    @Inject
    BodyLimits limits;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String raw = request.path();
        CanonicalPath canonical;
        try {
            canonical = CanonicalPath.of(raw);
        } catch (CanonicalPath.Ambiguous e) {
            securityHeaders(rc, "/", GatewayRoute.AUTHENTICATED);
            metricsTemplate(rc, "/{invalid}");
            RoutingProblems.send(response, 400, "bad-path", "Invalid path", e.getMessage(), null);
            return;
        }
        if (!canonical.encoded().equals(raw)) {
            // one path for every later step (Quarkus REST, static files, the proxy): continue on the canonical form
            String query = request.query();
            rc.reroute(canonical.encoded() + (query == null ? "" : "?" + query));
            return;
        }
        String path = canonical.decoded();
        GatewayRoute route = GatewayRoute.of(path);
        securityHeaders(rc, path, route);

        if (route == GatewayRoute.MANAGEMENT) {
            metricsTemplate(rc, "/q/**");
            RoutingProblems.send(response, 404, "not-found", "Not found", "management endpoints are not served here", null);
            return;
        }
        if (route == GatewayRoute.PAGE) {
            metricsTemplate(rc, pageTemplate(path));
            rc.next();
            return;
        }
        RouteTable.Rule rule = RouteTable.ruleFor(path);
        metricsTemplate(rc, rule == null ? "/api/{unknown}" : rule.template());

        // identity and rate limit
        TokenVerifier.Caller caller = null;
        long retryAfter;
        long now = System.nanoTime();
        switch (route) {
            case AUTHENTICATED -> {
                String authorization = request.getHeader("Authorization");
                if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    unauthorized(response, path, "a bearer token is required (POST /api/v1/auth/token)");
                    return;
                }
                caller = tokens.verify(authorization.substring(7).trim());
                if (caller == null) {
                    unauthorized(response, path, "the bearer token is invalid or expired");
                    return;
                }
                rc.put(CALLER, caller);
                retryAfter = rateLimits.authenticated().tryAcquire(caller.name());
            }
            case TOKEN -> retryAfter = rateLimits.token().tryAcquire(address(request));
            default -> retryAfter = rateLimits.publicPaths().tryAcquire(address(request));
        }
        if (retryAfter > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfter));
            RoutingProblems.send(response, 429, "too-many-requests", "Too many requests",
                    "rate limit exceeded; retry after " + retryAfter + " s", path);
            return;
        }

        // size limit: a declared length is checked now; a chunked body is counted while it streams
        long limit = RouteTable.isImport(path) ? limits.importMaxBodySize().asLongValue() : limits.maxBodySize().asLongValue();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                RoutingProblems.send(response, 400, "bad-request", "Invalid Content-Length", "not a number: " + length, path);
                return;
            }
            if (declared > limit) {
                response.putHeader("Connection", "close");
                RoutingProblems.send(response, 413, "payload-too-large", "Payload too large",
                        "the body has " + declared + " bytes; at most " + limit + " are accepted here", path);
                return;
            }
        }

        if (route == GatewayRoute.AUTHENTICATED && AuditLog.audits(request.method(), path)) {
            // never a write (or a read of sensitive data) without its audit entry: it is in PostgreSQL before the
            // request goes on; the body waits meanwhile (Quarkus keeps a request paused until a handler reads it)
            long bodyLimit = limit;
            audit.begin(rc, caller, now).onComplete(written -> {
                if (written.succeeded()) {
                    dispatch(rc, rule, path, bodyLimit, length);
                } else {
                    LOG.error("cannot write the audit entry; request refused", written.cause());
                    response.putHeader("Connection", "close");
                    RoutingProblems.send(response, 503, "service-unavailable", "Service unavailable",
                            "the audit trail cannot be written now; try again shortly", path);
                }
            });
            return;
        }
        dispatch(rc, rule, path, limit, length);
    }

    /** Answers 404, hands the request to the gateway's own resources or proxies it to the owning service. */
    private void dispatch(RoutingContext rc, RouteTable.Rule rule, String path, long limit, String length) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        if (rule == null) {
            RoutingProblems.send(response, 404, "not-found", "Not found", "no API at " + path, path);
            return;
        }
        String service = rule.service();
        if (GatewayRoute.GATEWAY.equals(service)) {
            if (hasBody(request.method()) && request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
                // Quarkus REST pauses the request it starts on, and an HTTP/2 request already read to its end cannot
                // be paused (quarkus#34393: 500 "Request has already been read"). So over HTTP/2 the body is left to
                // Quarkus REST, bounded by the declared length checked above (the HTTP/2 codec refuses a body longer
                // than it declares); a body of unknown length is refused before anything is read.
                if (length == null) {
                    RoutingProblems.send(response, 411, "length-required", "Length required",
                            "a request body over HTTP/2 to the gateway's own resources needs a Content-Length", path);
                } else {
                    rc.next();
                }
            } else if (hasBody(request.method())) {
                readBounded(rc, limit, path); // the gateway's own resources get the body whole, never over the limit
            } else {
                rc.next();
            }
            return;
        }
        request.headers().set(ServiceProxies.LIMIT_HEADER, Long.toString(limit));
        if (length == null && request.version() == io.vertx.core.http.HttpVersion.HTTP_2 && hasBody(request.method())) {
            // an HTTP/2 body of unknown length: the HTTP/1.1 hop to the service must be chunked (the proxy decides
            // that from this header)
            request.headers().set("Transfer-Encoding", "chunked");
        }
        proxies.forward(service, request);
    }

    /**
     * Reads a body for the gateway's own resources (small JSON) into memory, counting as it arrives, so a chunked body
     * without Content-Length is refused (413) at the limit instead of being buffered whole; then continues routing
     * with the body set (Quarkus REST reads it from there).
     */
    static void readBounded(RoutingContext rc, long limit, String path) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                rc.response().putHeader("Connection", "close");
                RoutingProblems.send(rc.response(), 413, "payload-too-large", "Payload too large",
                        "the body exceeds " + limit + " bytes", path);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> refused[0] = true);
        request.endHandler(v -> {
            if (!refused[0]) {
                rc.setBody(body);
                rc.next();
            }
        });
        request.resume();
    }

    private static void unauthorized(HttpServerResponse response, String path, String detail) {
        response.putHeader("WWW-Authenticate", "Bearer realm=\"balance\"");
        RoutingProblems.send(response, 401, "unauthorized", "Authentication required", detail, path);
    }

    static boolean hasBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** Pages by their first segment: never a bookmark's codes in a metric label. */
    static String pageTemplate(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second) + "/**";
    }

    /** Labels the request in the HTTP server metrics with a route template instead of its raw path. */
    static void metricsTemplate(RoutingContext rc, String template) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(rc);
        if (metric != null) {
            metric.setTemplatePath(template);
        }
    }

    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static void securityHeaders(RoutingContext rc, String path, GatewayRoute route) {
        HttpServerResponse response = rc.response();
        rc.addHeadersEndHandler(v -> {
            var headers = response.headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (route == GatewayRoute.PAGE || path.startsWith("/s/") || path.startsWith("/p/")) {
                headers.set("X-Frame-Options", "DENY");
                if (!headers.contains("Content-Security-Policy")) {
                    boolean strict = route == GatewayRoute.PAGE && !path.startsWith("/swagger-ui");
                    headers.set("Content-Security-Policy", strict ? PAGE_CSP : LENIENT_CSP);
                }
            }
        });
    }
}
