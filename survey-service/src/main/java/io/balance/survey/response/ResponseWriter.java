package io.balance.survey.response;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.problem.ProblemException;
import io.balance.survey.config.SurveyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Stores answers with group commit (成组提交): the answers that arrive while one commit is being flushed to disk go
 * into the next transaction together, as one pipelined JDBC batch. A busy survey then costs a few hundred commits a
 * second instead of one per answer, and every caller still gets its receipt only after its own row is durable.
 *
 * <p>A batch never waits for company: a writer takes what is queued the moment it is free, so a lone answer is
 * stored at once. Rows are written in invitation order, so two batches holding the same invitation (a phone
 * retrying while its first attempt is still queued) cannot deadlock. If a batch fails as a whole, its rows are
 * retried one by one, so one bad row cannot take the others' answers with it.
 *
 * <p>Hand-written on purpose, and kept apart from the kit (issue 11): one autocommit insert per answer saturated at
 * about 2,400 answers/s with p99 127 ms at 2,000/s; with group commit and batched lookups 7,800-9,700/s, p99 14-37 ms
 * (benchmarks/README.md, results.md). No event is written here: results are counted by {@code ResultsPublisher}.
 */
@ApplicationScoped
public class ResponseWriter {
    private static final Logger LOG = Logger.getLogger(ResponseWriter.class);
    private static final String INSERT = "INSERT INTO response (invitation, survey_id, school_code, location, grp, "
            + "answers, submission_id, n_recognise, n_mostly, n_not, n_unknown, duration_ms, client_key, flags, submitted_at) "
            + "VALUES (?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?,?,?) ON CONFLICT (invitation) DO NOTHING";
    private static final Comparator<Batcher.Pending<Row, Boolean>> BY_INVITATION = (a, b) -> Arrays.compareUnsigned(
            a.item().invitation(), b.item().invitation());

    /** One answer as stored; {@code counts} by {@link Answer} ordinal. */
    public record Row(byte[] invitation, UUID surveyId, String schoolCode, String location, String group,
            String answersJson, String submissionId, int[] counts, Long durationMs, byte[] clientKey, String[] flags,
            Instant submittedAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SurveyConfig config;

    private Batcher<Row, Boolean> batcher;

    void start(@Observes StartupEvent event) {
        SurveyConfig.Submit s = config.submit();
        batcher = new Batcher<>("survey-response-writer", s.writers(), s.maxBatch(), s.queue(), s.timeout(), this::write);
    }

    void stop(@Observes ShutdownEvent event) {
        batcher.stop();
    }

    /**
     * Stores {@code row} durably, or finds that its invitation already has an answer. Completes on a writer thread
     * once the row's commit is durable: true when this row was stored, false when the invitation had been answered
     * before; fails with 503 ({@link ProblemException}) when the database cannot take the answer now.
     */
    public CompletableFuture<Boolean> storeAsync(Row row) {
        return batcher.submitAsync(row);
    }

    private void write(List<Batcher.Pending<Row, Boolean>> batch) {
        batch.sort(BY_INVITATION);
        try (Connection c = dataSource.getConnection()) {
            int[] counts;
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Batcher.Pending<Row, Boolean> p : batch) {
                    bind(c, ps, p.item());
                    ps.addBatch();
                }
                counts = ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                c.setAutoCommit(true);
                // the SQL state only: a driver message can quote a failing row, and no answer goes into a log
                LOG.warnf("a batch of %d answers failed (SQL state %s); storing them one by one", batch.size(),
                        e.getSQLState());
                writeOneByOne(c, batch);
                return;
            } finally {
                if (!c.isClosed() && !c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(counts[i] == 1);
            }
        } catch (SQLException e) {
            LOG.errorf("cannot store %d answers (SQL state %s)", batch.size(), e.getSQLState());
            batch.forEach(p -> p.result().completeExceptionally(Batcher.unavailable()));
        }
    }

    private void writeOneByOne(Connection c, List<Batcher.Pending<Row, Boolean>> batch) {
        for (Batcher.Pending<Row, Boolean> p : batch) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(c, ps, p.item());
                p.result().complete(ps.executeUpdate() == 1);
            } catch (SQLException e) {
                LOG.errorf("cannot store an answer (SQL state %s)", e.getSQLState());
                p.result().completeExceptionally(Batcher.unavailable());
            }
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Row r) throws SQLException {
        ps.setBytes(1, r.invitation());
        ps.setObject(2, r.surveyId());
        ps.setString(3, r.schoolCode());
        ps.setString(4, r.location());
        ps.setString(5, r.group());
        ps.setString(6, r.answersJson());
        ps.setString(7, r.submissionId());
        ps.setInt(8, r.counts()[Answer.RECOGNISE.ordinal()]);
        ps.setInt(9, r.counts()[Answer.MOSTLY.ordinal()]);
        ps.setInt(10, r.counts()[Answer.NOT.ordinal()]);
        ps.setInt(11, r.counts()[Answer.UNKNOWN.ordinal()]);
        ps.setObject(12, r.durationMs());
        ps.setBytes(13, r.clientKey());
        ps.setArray(14, c.createArrayOf("text", r.flags()));
        ps.setTimestamp(15, Timestamp.from(r.submittedAt()));
    }
}
