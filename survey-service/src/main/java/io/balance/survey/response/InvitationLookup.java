package io.balance.survey.response;

import io.agroal.api.AgroalDataSource;
import io.balance.survey.campaign.Group;
import io.balance.survey.config.SurveyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Resolves the invitations of submitted answers in batches: the codes that arrive while one lookup is running
 * are resolved together by the next ({@code code_hash = ANY(?)}), so a busy survey costs PostgreSQL a few hundred
 * round trips a second instead of one per answer.
 */
@ApplicationScoped
public class InvitationLookup {
    private static final Logger LOG = Logger.getLogger(InvitationLookup.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SurveyConfig config;

    private Batcher<byte[], ResponseService.Invitation> batcher;

    void start(@Observes StartupEvent event) {
        SurveyConfig.Submit s = config.submit();
        batcher = new Batcher<>("survey-invitation-lookup", s.lookupThreads(), s.maxBatch(), s.queue(), s.timeout(),
                this::resolve);
    }

    void stop(@Observes ShutdownEvent event) {
        batcher.stop();
    }

    /** The invitation with this code hash, or null when there is none; completes on a lookup thread. */
    public CompletableFuture<ResponseService.Invitation> find(byte[] hash) {
        return batcher.submitAsync(hash);
    }

    private void resolve(List<Batcher.Pending<byte[], ResponseService.Invitation>> batch) {
        Map<ByteBuffer, ResponseService.Invitation> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code_hash, survey_id, school_code, location, grp, first_opened_at FROM invitation "
                        + "WHERE code_hash = ANY(?)")) {
            byte[][] hashes = new byte[batch.size()][];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = batch.get(i).item();
            }
            ps.setArray(1, c.createArrayOf("bytea", hashes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = rs.getBytes(1);
                    Timestamp opened = rs.getTimestamp(6);
                    found.put(ByteBuffer.wrap(hash), new ResponseService.Invitation(hash, rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), Group.valueOf(rs.getString(5)),
                            opened == null ? null : opened.toInstant(), false));
                }
            }
        } catch (SQLException e) {
            LOG.errorf("cannot look up %d invitations (SQL state %s)", batch.size(), e.getSQLState());
            batch.forEach(p -> p.result().completeExceptionally(Batcher.unavailable()));
            return;
        }
        batch.forEach(p -> p.result().complete(found.get(ByteBuffer.wrap(p.item()))));
    }
}
