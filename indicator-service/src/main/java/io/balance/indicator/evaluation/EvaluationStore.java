package io.balance.indicator.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.EvaluationDetailsV1;
import io.balance.contracts.Topics;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Persistence of evaluations: the stored headline per county, year and rule set (with a digest of the full
 * evaluation and a revision bumped on change) and, in the same transaction, the {@code indicator.evaluations.v1}
 * event in the kit's {@link Outbox} (its relay publishes it after the commit). Stored headlines serve trends
 * ({@link #history}).
 */
@ApplicationScoped
public class EvaluationStore {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    Outbox outbox;

    /** Stored headlines of every year, oldest first, for trends. */
    public List<Summary> history(String countyCode, String ruleSet) {
        List<Summary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select summary, revision, computed_at from county_evaluation
                        where county_code = ? and rule_set = ? order by year""")) {
            ps.setString(1, countyCode);
            ps.setString(2, ruleSet);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Summary stored = json.readValue(rs.getString(1), Summary.class);
                    out.add(stored.at(rs.getLong(2), rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Stores the evaluation's headline; on change bumps its revision and writes the event to the outbox. */
    public boolean store(Connection c, Evaluation e, CountyInputs in, RuleSet rules) throws SQLException {
        String digest = digest(e);
        long revision = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "select digest, revision from county_evaluation where county_code = ? and year = ? and rule_set = ? for update")) {
            ps.setString(1, e.countyCode());
            ps.setInt(2, e.year());
            ps.setString(3, e.ruleSet());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (digest.equals(rs.getString(1))) {
                        return false;
                    }
                    revision = rs.getLong(2);
                }
            }
        }
        writeChange(c, e, EvaluationDetails.of(e, in, rules), digest, revision + 1);
        return true;
    }

    private static final String UPSERT_EVALUATION = """
            insert into county_evaluation (county_code, year, rule_set, rule_set_version, revision, verdict,
                based_on_reports, digest, summary, computed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
            on conflict (county_code, year, rule_set) do update set rule_set_version = excluded.rule_set_version,
                revision = excluded.revision, verdict = excluded.verdict, based_on_reports = excluded.based_on_reports,
                digest = excluded.digest, summary = excluded.summary, computed_at = excluded.computed_at""";

    /** A writer of changed evaluations in batches of {@code batchSize} (the full recompute changes thousands). */
    public ChangeWriter writer(Connection c, int batchSize) throws SQLException {
        return new ChangeWriter(c, batchSize);
    }

    private void writeChange(Connection c, Evaluation e, EvaluationDetailsV1 details, String digest, long revision)
            throws SQLException {
        try (ChangeWriter w = new ChangeWriter(c, 1)) {
            w.add(e, details, digest, revision);
        }
    }

    /**
     * Writes changed evaluations and their outbox rows in JDBC batches (a full recompute changes thousands);
     * flushes every {@code batchSize} changes and on close.
     */
    public final class ChangeWriter implements AutoCloseable {
        private final PreparedStatement evaluation;
        private final Outbox.Batch events;
        private final int batchSize;
        private int pending;

        ChangeWriter(Connection c, int batchSize) throws SQLException {
            this.evaluation = c.prepareStatement(UPSERT_EVALUATION);
            this.events = outbox.batch(c);
            this.batchSize = batchSize;
        }

        /** @param details the item-by-item part of the event (supervision ledger, target progress) */
        public void add(Evaluation e, EvaluationDetailsV1 details, String digest, long revision) throws SQLException {
            evaluation.setString(1, e.countyCode());
            evaluation.setInt(2, e.year());
            evaluation.setString(3, e.ruleSet());
            evaluation.setInt(4, e.ruleSetVersion());
            evaluation.setLong(5, revision);
            evaluation.setString(6, e.verdict());
            evaluation.setInt(7, e.basedOnReports());
            evaluation.setString(8, digest);
            evaluation.setString(9, write(Summary.of(e)));
            evaluation.addBatch();
            String eventId = Outbox.newEventId();
            events.add(eventId, Topics.INDICATOR_EVALUATIONS, e.countyCode(), revision, new EvaluationChangedV1(eventId,
                    EvaluationChangedV1.SCHEMA_VERSION, Instant.now(), e.countyCode(), e.year(), e.ruleSet(), revision,
                    e.verdict(), e.basedOnReports(), e.failingParts(), e.missingInputs(), details));
            if (++pending >= batchSize) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                evaluation.executeBatch();
                events.flush(); // the kit wakes its relay once the transaction has committed
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                try {
                    evaluation.close();
                } finally {
                    events.close();
                }
            }
        }
    }

    public String digest(Evaluation e) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(e));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException | JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
