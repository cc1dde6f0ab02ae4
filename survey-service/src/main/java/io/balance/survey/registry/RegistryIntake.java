package io.balance.survey.registry;

import io.balance.kit.consumer.JdbcEventHandler;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Statement;

/**
 * One of school-service's registry topics kept in the survey service's read model. The kit reads, de-duplicates on
 * eventId and orders by revision; a replay clears this topic's table and what the inbox holds for it, nothing of
 * the other topic's (each topic's consumer replays on its own thread).
 */
abstract class RegistryIntake<T> extends JdbcEventHandler<T> {
    private final String table;
    /** Prefix of this topic's aggregates in {@code consumed_revision} ({@code school:}…). */
    protected final String aggregate;

    RegistryIntake(String name, Class<T> type, String topic, String table, String aggregate) {
        super(name, type, topic);
        this.table = table;
        this.aggregate = aggregate;
    }

    @Override
    @Transactional
    public void beforeReplay() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from " + table);
            inbox.clear(c, topic(), aggregate);
        }
    }
}
