package io.balance.survey.response;

import io.balance.kit.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A few threads that each take whatever requests have queued up the moment they are free and handle them as one
 * batch (one database round trip instead of one per request); every caller gets its own result as a future, so
 * no thread is held while its batch is out. Nothing waits for company: a lone request is handled at once, and
 * under load the requests that arrive during one round trip share the next.
 */
final class Batcher<I, O> {
    private static final Logger LOG = Logger.getLogger(Batcher.class);

    /** One caller's request; the processor completes {@code result}, normally or with a {@link ProblemException}. */
    record Pending<I, O>(I item, CompletableFuture<O> result) {
    }

    private final String name;
    private final int maxBatch;
    private final Duration timeout;
    private final Consumer<List<Pending<I, O>>> processor;
    private final BlockingQueue<Pending<I, O>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    Batcher(String name, int threads, int maxBatch, int capacity, Duration timeout,
            Consumer<List<Pending<I, O>>> processor) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.processor = processor;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.running = true;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, name + "-" + i);
            t.setDaemon(true);
            t.start();
            this.threads.add(t);
        }
    }

    /**
     * Queues {@code item}; the future completes on a batcher thread with its result, or fails with the processor's
     * {@link ProblemException} for it, or with 503 when the queue is full, the result does not come in time or the
     * batcher is stopping. Nobody waits: callers chain on the future.
     */
    CompletableFuture<O> submitAsync(I item) {
        Pending<I, O> p = new Pending<>(item, new CompletableFuture<>());
        if (!running || !queue.offer(p)) {
            return CompletableFuture.failedFuture(unavailable());
        }
        CompletableFuture<O> out = new CompletableFuture<>();
        p.result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((o, e) -> {
            if (e == null) {
                out.complete(o);
            } else {
                out.completeExceptionally(cause(e) instanceof ProblemException api ? api : unavailable());
            }
        });
        return out;
    }

    /**
     * Waits for {@code future}, for callers on a thread that may block; its {@link ProblemException} is thrown as it
     * is, anything else as 503.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw cause(e) instanceof ProblemException api ? api : unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** What failed, without the wrappers that chained futures add. */
    static Throwable cause(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result.completeExceptionally(unavailable()));
    }

    private void loop() {
        List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                processor.accept(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                // the type and where, not the message: a message can quote the batch's codes or answers
                LOG.errorf("%s failed on a batch of %d: %s at %s", name, batch.size(), e.getClass().getName(),
                        e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            }
            // whatever the processor left open is not going to be answered
            batch.forEach(p -> p.result.completeExceptionally(unavailable()));
            batch.clear();
        }
        batch.forEach(p -> p.result.completeExceptionally(unavailable()));
    }

    static ProblemException unavailable() {
        return ProblemException.unavailable("the answer could not be confirmed just now; please submit it again "
                + "(an identical answer is never counted twice)", 5);
    }
}
