package io.balance.gateway.routing;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * A failure of the service itself, told apart by exception type (never by message text): no connection (503),
 * the connection lost mid-exchange (503), or no byte within the idle timeout (504). Only these count for the
 * circuit breaker.
 */
public final class ServiceFailure extends RuntimeException {
    private final boolean timeout;

    private ServiceFailure(Throwable cause, boolean timeout) {
        super(cause.toString(), cause, false, false);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }

    /**
     * The service's failure behind {@code cause}, or null when it is not the service's doing: the gateway's own
     * pool queue, a caller that went away ({@code callerGone}), anything else on this side.
     */
    public static ServiceFailure classify(Throwable cause, boolean callerGone) {
        if (callerGone) {
            return null;
        }
        if (cause instanceof TimeoutException) {
            return new ServiceFailure(cause, true);
        }
        // ConnectException covers refused connections and Netty's ConnectTimeoutException alike
        if (cause instanceof ConnectException || cause instanceof HttpClosedException || cause instanceof IOException) {
            return new ServiceFailure(cause, false);
        }
        return null;
    }
}
