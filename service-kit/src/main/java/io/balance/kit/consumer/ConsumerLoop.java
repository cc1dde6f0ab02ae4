package io.balance.kit.consumer;

import io.balance.kit.kafka.ConsumerThread;
import io.balance.kit.kafka.KafkaConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One plain KafkaConsumer on its own thread for one {@link EventHandler}: poll, handle the batch, commit the
 * offsets. A failed batch is retried from its first offsets; after {@code park-after-attempts} failures its events
 * are handled one by one and those that fail alone are parked ({@link ParkedEvents}), so one bad event holds
 * its partition for seconds, not for good. A broken consumer is rebuilt. A replay clears the read model, seeks to
 * the beginning and tells the handler when it has caught up with the end offsets taken at its start.
 */
final class ConsumerLoop extends ConsumerThread {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final EventHandler handler;
    private final EventConsumerConfig config;
    private final KafkaConfig kafka;
    private final ParkedEvents parked;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private volatile CompletableFuture<ReplayResult> replayRequest;
    private volatile Replay replay;
    private volatile Instant lastBatchAt;
    private volatile String lastError;
    /** Failed batches in a row: each is polled again from the same offsets, so no event got through meanwhile. */
    private int failures;

    private record Replay(CompletableFuture<ReplayResult> done, Map<TopicPartition, Long> endOffsets,
                          Instant started, AtomicLong records) {
    }

    ConsumerLoop(EventHandler handler, EventConsumerConfig config, KafkaConfig kafka, ParkedEvents parked) {
        this.handler = handler;
        this.config = config;
        this.kafka = kafka;
        this.parked = parked;
    }

    void start() {
        start(kafka.clientId() + "-" + handler.name());
    }

    synchronized CompletableFuture<ReplayResult> requestReplay() {
        if (replay != null) {
            return replay.done();
        }
        if (replayRequest == null || replayRequest.isDone()) {
            replayRequest = new CompletableFuture<>();
        }
        return replayRequest;
    }

    ConsumerStatus status() {
        return new ConsumerStatus(handler.name(), config.groupId(), handler.topics(),
                alive(), records.get(), lag.get(), lastBatchAt,
                replay != null, lastError);
    }

    long lag() {
        return lag.get();
    }

    private Properties properties() {
        // a new group starts from the beginning (earliest): the read model is built from the whole history
        Properties p = kafka.consumerProperties(handler.name());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxPollRecords()));
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        return p;
    }

    @Override
    protected void loop() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                c.subscribe(handler.topics());
                while (running) {
                    ConsumerRecords<String, String> batch = c.poll(config.pollTimeout());
                    if (replayRequest != null && replay == null && !c.assignment().isEmpty()) {
                        startReplay(c);
                        continue;
                    }
                    if (!batch.isEmpty()) {
                        process(c, batch);
                    }
                    if (replay != null) {
                        finishReplayIfCaughtUp(c);
                    }
                    refreshLag(c);
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                lastError = Instant.now() + " " + e;
                LOG.errorf(e, "%s consumer failed; restarting in 2 s", handler.name());
                sleep(2000);
            } finally {
                consumer = null;
            }
        }
    }

    private void process(KafkaConsumer<String, String> c, ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(batch.count());
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> r : batch) {
            list.add(r);
            first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
        }
        try {
            if (failures >= config.parkAfterAttempts()) {
                oneByOne(c, list);
            } else {
                handler.handle(list, replay != null);
                c.commitSync();
                applied(list.size());
            }
            failures = 0;
        } catch (WakeupException e) {
            throw e;
        } catch (Exception e) {
            failures++;
            lastError = Instant.now() + " " + e;
            LOG.errorf(e, "%s: batch of %d events failed (%d in a row); retrying from its first offsets", handler.name(),
                    list.size(), failures);
            first.forEach(c::seek);
            sleep(config.retryBackoff().toMillis());
        }
    }

    /**
     * A batch that keeps failing, event by event: each one that fails on its own is parked and passed over, each
     * offset committed as it is done. Parking failing too (the database is down) throws: the rest is retried.
     */
    private void oneByOne(KafkaConsumer<String, String> c, List<ConsumerRecord<String, String>> list) throws Exception {
        for (ConsumerRecord<String, String> r : list) {
            try {
                handler.handle(List.of(r), replay != null);
            } catch (WakeupException e) {
                throw e;
            } catch (Exception e) {
                parked.park(Thread.currentThread().getName(), r, "failed after " + failures + " tries of its batch: " + e);
            }
            c.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
            applied(1);
        }
    }

    private void applied(int n) {
        records.addAndGet(n);
        if (replay != null) {
            replay.records().addAndGet(n);
        }
        lastBatchAt = Instant.now();
    }

    private void startReplay(KafkaConsumer<String, String> c) throws Exception {
        CompletableFuture<ReplayResult> done = replayRequest;
        LOG.infof("%s replay: clearing the read model and consuming %s from the beginning", handler.name(),
                handler.topics());
        handler.beforeReplay();
        c.seekToBeginning(c.assignment());
        replay = new Replay(done, c.endOffsets(c.assignment()), Instant.now(), new AtomicLong());
        replayRequest = null;
    }

    private void finishReplayIfCaughtUp(KafkaConsumer<String, String> c) {
        for (var e : replay.endOffsets().entrySet()) {
            if (c.assignment().contains(e.getKey()) && c.position(e.getKey()) < e.getValue()) {
                return;
            }
        }
        Replay state = replay;
        String summary;
        try {
            summary = handler.afterReplay();
        } catch (Exception e) {
            LOG.errorf(e, "%s replay: finishing failed; retrying", handler.name());
            sleep(config.retryBackoff().toMillis());
            return;
        }
        replay = null;
        ReplayResult result = new ReplayResult(handler.name(), state.records().get(),
                Duration.between(state.started(), Instant.now()).toMillis(), summary);
        LOG.infof("replay finished: %s", result);
        state.done().complete(result);
    }

    private void refreshLag(KafkaConsumer<String, String> c) {
        long sum = 0;
        for (TopicPartition tp : c.assignment()) {
            sum += c.currentLag(tp).orElse(0);
        }
        lag.set(sum);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
