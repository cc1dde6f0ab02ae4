package io.balance.kit.kafka;

import io.balance.contracts.KafkaConnection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

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

    /**
     * What every consumer of the kit shares: this broker, client id {@code <clientId>-<suffix>}, String records,
     * nothing committed automatically, the earliest offset where none is known, and the cluster's security
     * settings (TLS + SCRAM in k8s: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*, k8s/README.md; none locally).
     */
    default Properties consumerProperties(String clientSuffix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId() + "-" + clientSuffix);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConnection.apply(p, k -> ConfigProvider.getConfig().getOptionalValue(k, String.class));
        return p;
    }
}
