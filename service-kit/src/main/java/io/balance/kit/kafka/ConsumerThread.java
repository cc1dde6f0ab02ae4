package io.balance.kit.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A Kafka consumer's own daemon thread, written once for the kit's consumers: {@link #loop()} runs while
 * {@link #running}; {@link #stop()} wakes a poll blocked in the current {@link #consumer} and waits up to 10 s.
 */
public abstract class ConsumerThread {
    protected volatile boolean running;
    /** The consumer the loop currently polls, or null between two (so that stop can wake it). */
    protected volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /** Polls until {@link #running} turns false; owns (creates and closes) its consumers. */
    protected abstract void loop();

    public void start(String threadName) {
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Started, not stopped, and its thread still running. */
    protected boolean alive() {
        return running && thread != null && thread.isAlive();
    }
}
