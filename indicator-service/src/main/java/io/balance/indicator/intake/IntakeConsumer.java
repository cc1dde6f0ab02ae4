package io.balance.indicator.intake;

import io.balance.contracts.Topics;
import io.balance.indicator.intake.ReadModel.Affected;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes the school, survey and review topics with a plain KafkaConsumer on its own thread: poll, apply the batch in
 * one transaction, then commit the offsets (at least once; de-duplication makes it effectively once).
 * A failed batch is retried from its first offsets. A replay (see {@link #requestReplay()}) clears the read
 * model, seeks to the beginning and rebuilds it, evaluating every affected county once when caught up.
 */
@ApplicationScoped
public class IntakeConsumer {
    private static final Logger LOG = Logger.getLogger(IntakeConsumer.class);
    static final List<String> TOPICS = List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY, Topics.SCHOOL_REPORTS,
            Topics.SURVEY_RESULTS, Topics.SUPERVISION_REVIEWS);

    @Inject
    Intake intake;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "balance.indicator.consumer.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "balance.indicator.consumer.group-id", defaultValue = "indicator-service")
    String groupId;
    @ConfigProperty(name = "balance.indicator.consumer.poll-ms", defaultValue = "100")
    long pollMs;
    @ConfigProperty(name = "balance.indicator.consumer.max-poll-records", defaultValue = "1000")
    int maxPollRecords;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private volatile CompletableFuture<Map<String, Object>> replayRequest;
    private volatile ReplayState replay;
    private final AtomicLong records = new AtomicLong();
    private volatile Instant lastBatchAt;
    private volatile String lastError;

    private static final class ReplayState {
        final CompletableFuture<Map<String, Object>> done;
        final Map<TopicPartition, Long> endOffsets;
        final Set<Affected> affected = new LinkedHashSet<>();
        final Instant started = Instant.now();
        long records;

        ReplayState(CompletableFuture<Map<String, Object>> done, Map<TopicPartition, Long> endOffsets) {
            this.done = done;
            this.endOffsets = endOffsets;
        }
    }

    void start(@Observes StartupEvent ev) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "indicator-intake");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
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

    /** Clears the read model and consumes every topic again from the beginning; completes when caught up. */
    public synchronized CompletableFuture<Map<String, Object>> requestReplay() {
        if (!enabled) {
            throw new IllegalStateException("the consumer is disabled (balance.indicator.consumer.enabled=false)");
        }
        if (replayRequest != null && !replayRequest.isDone() || replay != null) {
            return replay != null ? replay.done : replayRequest;
        }
        replayRequest = new CompletableFuture<>();
        return replayRequest;
    }

    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enabled", enabled);
        s.put("running", running && thread != null && thread.isAlive());
        s.put("groupId", groupId);
        s.put("topics", TOPICS);
        s.put("recordsConsumed", records.get());
        s.put("lastBatchAt", lastBatchAt == null ? null : lastBatchAt.toString());
        s.put("replaying", replay != null);
        s.put("lastError", lastError);
        return s;
    }

    private Properties config() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new group starts from the beginning: the read model is built from the whole history
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "indicator-intake");
        // TLS + SCRAM in a cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*: k8s/README.md); none locally
        io.balance.contracts.KafkaConnection.apply(p, k -> org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(k, String.class));
        return p;
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config())) {
                consumer = c;
                c.subscribe(TOPICS);
                while (running) {
                    ConsumerRecords<String, String> batch = c.poll(Duration.ofMillis(pollMs));
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
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                lastError = Instant.now() + " " + e;
                LOG.error("intake consumer failed; restarting in 2 s", e);
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
            Set<Affected> affected = intake.apply(list, replay == null);
            if (replay != null) {
                replay.affected.addAll(affected);
                replay.records += list.size();
            }
            c.commitSync();
            records.addAndGet(list.size());
            lastBatchAt = Instant.now();
        } catch (Exception e) {
            lastError = Instant.now() + " " + e;
            LOG.errorf(e, "batch of %d events failed; retrying from its first offsets", list.size());
            first.forEach(c::seek);
            sleep(1000);
        }
    }

    private void startReplay(KafkaConsumer<String, String> c) throws Exception {
        CompletableFuture<Map<String, Object>> done = replayRequest;
        LOG.info("replay: clearing the read model and consuming every topic from the beginning");
        intake.clear();
        Set<TopicPartition> assignment = c.assignment();
        c.seekToBeginning(assignment);
        Map<TopicPartition, Long> end = c.endOffsets(assignment);
        replay = new ReplayState(done, end);
        replayRequest = null;
    }

    private void finishReplayIfCaughtUp(KafkaConsumer<String, String> c) {
        for (var e : replay.endOffsets.entrySet()) {
            if (c.assignment().contains(e.getKey()) && c.position(e.getKey()) < e.getValue()) {
                return;
            }
        }
        ReplayState state = replay;
        try {
            intake.recompute(state.affected);
        } catch (Exception e) {
            LOG.error("replay: re-evaluation failed; retrying", e);
            sleep(1000);
            return;
        }
        replay = null;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", state.records);
        result.put("countiesReevaluated", state.affected.stream().map(Affected::countyCode).distinct().count());
        result.put("millis", Duration.between(state.started, Instant.now()).toMillis());
        LOG.infof("replay finished: %s", result);
        state.done.complete(result);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
