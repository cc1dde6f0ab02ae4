package io.balance.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Passes a request body through unchanged while counting it; past {@code limit} bytes it fails the stream, so a
 * chunked upload without Content-Length cannot exceed the size limit either. Nothing is buffered.
 */
final class LimitedReadStream implements ReadStream<Buffer> {
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> delegate;
    private final long limit;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedReadStream(ReadStream<Buffer> delegate, long limit) {
        this.delegate = delegate;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            delegate.handler(null);
            return this;
        }
        delegate.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen > limit) {
                exceeded = true;
                delegate.handler(null);
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        delegate.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        delegate.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        delegate.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        delegate.endHandler(v -> {
            if (!exceeded && endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
