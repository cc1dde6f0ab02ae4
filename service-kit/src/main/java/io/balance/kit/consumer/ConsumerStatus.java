package io.balance.kit.consumer;

import java.time.Instant;
import java.util.List;

/** One consumer loop as operators see it ({@code lag}: records behind the end of its partitions). */
public record ConsumerStatus(String name, String groupId, List<String> topics, boolean running, long recordsConsumed,
                             long lag, Instant lastBatchAt, boolean replaying, String lastError) {
}
