package io.balance.gateway.audit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The first interceptor of every service's proxy: an audited request's outcome (the status the client is about to
 * get, the time to it) is written to its pending entry before the answer leaves the gateway, so an answered write is
 * on record with its outcome whatever happens next. Requests that are not audited pass untouched.
 */
@ApplicationScoped
public class AuditOutcomes implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(AuditOutcomes.class);

    @Inject
    AuditLog log;
    @Inject
    Vertx vertx;

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        AuditLog.Pending pending = log.pending(context.request().proxiedRequest());
        if (pending == null) {
            return context.sendResponse();
        }
        int status = context.response().getStatusCode();
        return vertx.executeBlocking(() -> {
            log.recordOutcome(pending, status);
            return null;
        }, false).transform(written -> {
            if (written.failed()) {
                // the service has acted: the client gets its answer; the outcome is retried when the response ends
                LOG.error("cannot record the outcome of audit entry " + pending.id() + " before the answer", written.cause());
            }
            return context.sendResponse();
        });
    }
}
