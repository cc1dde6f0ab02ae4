package io.balance.kit.probe;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.consumer.EventHandler;
import io.balance.kit.consumer.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps probe_item from the probe topic, idempotently; an event whose code starts with POISON cannot be applied. */
@ApplicationScoped
public class ProbeHandler implements EventHandler {
    public static final String TOPIC = "kit.probe.v1";

    public record ProbeEvent(String eventId, String code, long revision) {
    }

    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger replays = new AtomicInteger();

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public List<String> topics() {
        return List.of(TOPIC);
    }

    @Override
    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (ConsumerRecord<String, String> r : batch) {
                var e = inbox.read(r, ProbeEvent.class);
                if (e.isPresent() && e.get().code().startsWith("POISON")) {
                    throw new IllegalStateException("cannot apply " + e.get().code()); // as a bug would, every time
                }
                if (e.isPresent() && inbox.accept(c, e.get().eventId(), r.topic(), "probe:" + e.get().code(),
                        e.get().revision())) {
                    upsert(c, e.get());
                    applied.incrementAndGet();
                }
            }
        }
    }

    private static void upsert(Connection c, ProbeEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into probe_item (code, name, revision) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, revision = excluded.revision""")) {
            ps.setString(1, e.code());
            ps.setString(2, "rev " + e.revision());
            ps.setLong(3, e.revision());
            ps.executeUpdate();
        }
    }

    @Override
    @Transactional
    public void beforeReplay() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("truncate probe_item");
            inbox.clear(c);
        }
        replays.incrementAndGet();
    }

    @Override
    public String afterReplay() {
        return "probe rebuilt";
    }
}
