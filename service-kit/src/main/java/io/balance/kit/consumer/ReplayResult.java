package io.balance.kit.consumer;

/** What a replay from the start did: records consumed again, how long it took, the handler's summary. */
public record ReplayResult(String consumer, long records, long millis, String summary) {
}
