package io.balance.survey.registry;

import io.balance.kit.consumer.JdbcEventHandler;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * One of school-service's registry topics kept in the survey service's read model. The kit reads, de-duplicates on
 * eventId and orders by revision; a replay clears this topic's table and what the inbox holds for it, nothing of
 * the other topic's (each topic's consumer replays on its own thread).
 */
abstract class RegistryIntake<T> extends JdbcEventHandler<T> {
    private final String name;
    private final Class<T> type;
    private final String topic;
    private final String table;
    /** Prefix of this topic's aggregates in {@code consumed_revision} ({@code school:}…). */
    protected final String aggregate;

    RegistryIntake(String name, Class<T> type, String topic, String table, String aggregate) {
        this.name = name;
        this.type = type;
        this.topic = topic;
        this.table = table;
        this.aggregate = aggregate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Class<T> type() {
        return type;
    }

    @Override
    protected String topic() {
        return topic;
    }

    @Override
    @Transactional
    public void beforeReplay() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                PreparedStatement seen = c.prepareStatement("delete from processed_event where topic = ?");
                PreparedStatement revisions = c.prepareStatement(
                        "delete from consumed_revision where aggregate like ?")) {
            st.executeUpdate("delete from " + table);
            seen.setString(1, topic);
            seen.executeUpdate();
            revisions.setString(1, aggregate + "%");
            revisions.executeUpdate();
        }
    }
}
