package io.balance.kit.revocation;

import io.balance.kit.kafka.ConsumerThread;
import io.balance.contracts.TokenRevocationV1;
import io.balance.contracts.Topics;
import io.balance.kit.consumer.Inbox;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads {@link Topics#TOKEN_REVOCATIONS} whole, from the beginning, on its own thread: every partition assigned,
 * no consumer group, nothing committed, so every replica of every service holds the whole list. Caught up once
 * it has read to the end offsets the topic had when it started; from then on it follows the topic.
 */
final class RevocationReader extends ConsumerThread {
    private static final Logger LOG = Logger.getLogger(RevocationReader.class);
    /** A topic that does not exist yet is looked for again this often; an existing one for new partitions. */
    private static final long MISSING_TOPIC_CHECK_MS = 1000;
    private static final long PARTITION_CHECK_MS = 30_000;

    private final Properties properties;
    private final Inbox inbox;
    private final Duration retention;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final ConcurrentHashMap<String, Long> validAfter = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile Map<TopicPartition, Long> startEndOffsets;
    private volatile long lag;
    private volatile String lastError;
    private long nextPurge;

    RevocationReader(Properties properties, Inbox inbox, Duration retention, Duration pollTimeout, Duration retryBackoff) {
        this.properties = properties;
        this.inbox = inbox;
        this.retention = retention;
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
    }


    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** The instant (epoch ms) before which the name's tokens are refused, or null. */
    Long validAfter(String name) {
        return validAfter.get(name);
    }

    int size() {
        return validAfter.size();
    }

    long lag() {
        return lag;
    }

    String lastError() {
        return lastError;
    }

    @Override
    protected void loop() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties)) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                lastError = java.time.Instant.now() + " " + e;
                LOG.warnf("token revocations: reading %s failed (%s); retrying in %s", Topics.TOKEN_REVOCATIONS, e,
                        retryBackoff);
                sleep(retryBackoff.toMillis());
            } finally {
                consumer = null;
            }
        }
    }

    /** One consumer's life: (re)assign every partition from its beginning, read, note when caught up. */
    private void follow(KafkaConsumer<String, String> c) {
        Set<TopicPartition> assigned = Set.of();
        long nextPartitionCheck = 0;
        while (running) {
            long now = System.currentTimeMillis();
            if (now >= nextPartitionCheck) {
                Set<TopicPartition> partitions = partitions(c);
                if (!partitions.equals(assigned)) {
                    Set<TopicPartition> added = new HashSet<>(partitions);
                    added.removeAll(assigned);
                    c.assign(partitions);
                    c.seekToBeginning(added);
                    assigned = partitions;
                }
                if (startEndOffsets == null) {
                    startEndOffsets = Map.copyOf(c.endOffsets(partitions)); // the topic as of our start
                }
                nextPartitionCheck = now + (partitions.isEmpty() ? MISSING_TOPIC_CHECK_MS : PARTITION_CHECK_MS);
            }
            if (assigned.isEmpty()) {
                caughtUp.countDown(); // no topic yet: nothing was ever revoked
                sleep(pollTimeout.toMillis());
                continue;
            }
            for (ConsumerRecord<String, String> r : c.poll(pollTimeout)) {
                inbox.readOrLog(r, TokenRevocationV1.class).ifPresent(this::apply);
            }
            if (!caughtUp() && reachedStartEnd(c)) {
                LOG.infof("token revocations: caught up with %s, %d names", Topics.TOKEN_REVOCATIONS, validAfter.size());
                caughtUp.countDown();
            }
            long sum = 0;
            for (TopicPartition tp : assigned) {
                sum += c.currentLag(tp).orElse(0);
            }
            lag = sum;
            purge(now);
            lastError = null;
        }
    }

    private static Set<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(Topics.TOKEN_REVOCATIONS);
        Set<TopicPartition> partitions = new HashSet<>();
        if (infos != null) {
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return Set.copyOf(partitions);
    }

    private boolean reachedStartEnd(KafkaConsumer<String, String> c) {
        for (var e : startEndOffsets.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(TokenRevocationV1 e) {
        if (e.name() == null || e.validAfter() == null) {
            LOG.warnf("token revocations: skipping event %s without name or validAfter", e.eventId());
            return;
        }
        long after = e.validAfter().toEpochMilli();
        if (after >= System.currentTimeMillis() - retention.toMillis()) {
            validAfter.merge(e.name(), after, Math::max); // in any order, the latest revocation holds
        }
    }

    /** Revocations older than the retention concern no living token. */
    private void purge(long now) {
        if (now < nextPurge) {
            return;
        }
        long horizon = now - retention.toMillis();
        validAfter.values().removeIf(after -> after < horizon);
        nextPurge = now + 60_000;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
