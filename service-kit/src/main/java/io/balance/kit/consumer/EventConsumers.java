package io.balance.kit.consumer;

import io.balance.kit.kafka.KafkaConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Starts one {@link ConsumerLoop} per {@link EventHandler} bean of the service (unless {@code balance.consumer.enabled=false}). */
@ApplicationScoped
public class EventConsumers {
    @Inject
    @Any
    Instance<EventHandler> handlers;
    @Inject
    EventConsumerConfig config;
    @Inject
    KafkaConfig kafka;
    @Inject
    MeterRegistry registry;
    @Inject
    ParkedEvents parked;

    private final List<ConsumerLoop> loops = new ArrayList<>();

    void start(@Observes StartupEvent ev) {
        // the stored rows themselves, so a park rolled back with its batch is not counted
        Gauge.builder("balance.consumer.parked", parked, ParkedEvents::count).register(registry);
        if (!config.enabled()) {
            return;
        }
        for (EventHandler h : handlers) {
            ConsumerLoop loop = new ConsumerLoop(h, config, kafka, parked);
            loops.add(loop);
            Gauge.builder("balance.consumer.lag", loop, ConsumerLoop::lag).tag("consumer", h.name()).register(registry);
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        loops.forEach(ConsumerLoop::stop);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Clears every read model and consumes its topics again from the beginning; completes when all caught up. */
    public CompletableFuture<List<ReplayResult>> replay() {
        if (!config.enabled()) {
            throw new IllegalStateException("the consumer is disabled (balance.consumer.enabled=false)");
        }
        List<CompletableFuture<ReplayResult>> all = loops.stream().map(ConsumerLoop::requestReplay).toList();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    public List<ConsumerStatus> status() {
        return loops.stream().map(ConsumerLoop::status).toList();
    }
}
