package io.balance.gateway.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's bookmarkable paths (api-contract.md "Console": {@code /console/**}; the public announcement
 * {@code /p/{county}/{year}} is supervision-service's own server-rendered page, routed there) all answer with the
 * console's one page; its modules under {@code /ui/} read the
 * path and call the public API. The page is static, so the gateway's filter has already set the page headers.
 */
@ApplicationScoped
public class ConsolePages {
    /** After the gateway's filter (GatewayFilter.ORDER) and Quarkus' security handlers, before Quarkus' static resources (1000). */
    static final int ORDER = 950;
    static final String PATHS = "/console(/[^/]+)*/?";

    private final Buffer page = Buffer.buffer(read("META-INF/resources/index.html"));

    void register(@Observes Router router) {
        router.routeWithRegex(PATHS).method(HttpMethod.GET).method(HttpMethod.HEAD).order(ORDER).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        rc.response().putHeader("Content-Type", "text/html; charset=UTF-8").putHeader("Cache-Control", "no-cache");
        if (rc.request().method() == HttpMethod.HEAD) {
            rc.response().putHeader("Content-Length", Integer.toString(page.length())).end();
        } else {
            rc.response().end(page);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
