package io.balance.kit.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where Kafka is and who we are to it. {@code kafka.bootstrap.servers} keeps the standard name (environment
 * {@code KAFKA_BOOTSTRAP_SERVERS}); its default lives here and nowhere else.
 */
@ConfigMapping(prefix = "kafka")
public interface KafkaConfig {
    @WithName("bootstrap.servers")
    @WithDefault("localhost:9092")
    String bootstrapServers();

    /** Client id prefix and the {@code source} event header: the service's name. */
    @WithName("client-id")
    @WithDefault("${quarkus.application.name:balance}")
    String clientId();
}
