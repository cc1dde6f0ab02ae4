package io.balance.gateway.routing;

import io.balance.gateway.audit.AuditLog;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.gateway.problem.Problem;
import io.balance.gateway.ratelimit.RateLimits;
import io.balance.gateway.ratelimit.TokenBuckets;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request passes here first (before the gateway's own resources, Swagger UI and static pages):
 * security headers, path sanity, the early token check (401), rate limits (429), size limits (413), the audit
 * hook for writes, and finally routing to the owning service. All of it runs synchronously in the event-loop turn
 * the request arrived in, so the body is still unread when the proxy takes it and streams it on.
 */
@ApplicationScoped
public class GatewayFilter {
    /** Routing-context key: the verified caller, for the gateway's own resources and the audit log. */
    public static final String CALLER = "balance.caller";
    /** Before Quarkus REST and static resources (ROUTE_ORDER_BEFORE_DEFAULT = 1000), after CORS. */
    static final int ORDER = 900;

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

    @ConfigProperty(name = "balance.limits.max-body-size")
    MemorySize maxBodySize;
    @ConfigProperty(name = "balance.limits.import-max-body-size")
    MemorySize importMaxBodySize;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String path = request.path();
        GatewayRoute route = GatewayRoute.of(path);
        securityHeaders(rc, path, route);

        if (route == GatewayRoute.PAGE) {
            rc.next();
            return;
        }
        if (!saneRequestPath(path)) {
            Problem.send(response, 400, "bad-path", "Invalid path",
                    "the path must not contain dot segments, encoded slashes or empty segments", path);
            return;
        }

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
                retryAfter = rateLimits.authenticated().tryAcquire("id:" + caller.name(), now);
            }
            case TOKEN -> retryAfter = rateLimits.token().tryAcquire(address(request), now);
            default -> retryAfter = rateLimits.publicPaths().tryAcquire(address(request), now);
        }
        if (retryAfter > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfter));
            Problem.send(response, 429, "too-many-requests", "Too many requests",
                    "rate limit exceeded; retry after " + retryAfter + " s", path);
            return;
        }

        // size limit: a declared length is checked now; a chunked body is counted while it streams
        long limit = RouteTable.isImport(path) ? importMaxBodySize.asLongValue() : maxBodySize.asLongValue();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                Problem.send(response, 400, "bad-request", "Invalid Content-Length", "not a number: " + length, path);
                return;
            }
            if (declared > limit) {
                response.putHeader("Connection", "close");
                Problem.send(response, 413, "payload-too-large", "Payload too large",
                        "the body has " + declared + " bytes; at most " + limit + " are accepted here", path);
                return;
            }
        }

        if (isWrite(request.method()) && route == GatewayRoute.AUTHENTICATED) {
            audit.track(rc, caller, now);
        }

        String service = RouteTable.serviceFor(path);
        if (service == null) {
            Problem.send(response, 404, "not-found", "Not found", "no API at " + path, path);
            return;
        }
        if (GatewayRoute.GATEWAY.equals(service)) {
            rc.next(); // the gateway's own resources
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

    private static void unauthorized(HttpServerResponse response, String path, String detail) {
        response.putHeader("WWW-Authenticate", "Bearer realm=\"balance\"");
        Problem.send(response, 401, "unauthorized", "Authentication required", detail, path);
    }

    static boolean hasBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    static boolean isWrite(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    /** No {@code .}/{@code ..} segments, no encoded slashes or dots, no empty segments: one path, one meaning. */
    static boolean saneRequestPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return !lower.contains("/./") && !lower.contains("/../") && !lower.endsWith("/.") && !lower.endsWith("/..")
                && !lower.contains("%2f") && !lower.contains("%2e") && !lower.contains("%5c") && !lower.contains("//")
                && !lower.contains("\\");
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
            if (route == GatewayRoute.PAGE || path.startsWith("/s/")) {
                headers.set("X-Frame-Options", "DENY");
                if (!headers.contains("Content-Security-Policy")) {
                    boolean strict = route == GatewayRoute.PAGE && !path.startsWith("/q/");
                    headers.set("Content-Security-Policy", strict ? PAGE_CSP : LENIENT_CSP);
                }
            }
        });
    }
}
