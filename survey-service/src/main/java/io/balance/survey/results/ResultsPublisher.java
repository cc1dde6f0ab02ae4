package io.balance.survey.results;

import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyRepository;
import io.balance.survey.campaign.SurveyStatus;
import io.balance.survey.common.Db;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Coalesces answers into results events: every interval, each campaign whose answer count differs from what its
 * last event covered gets one new event (never one per answer). Counting, not "an id above the last covered one":
 * answers from concurrent writers commit out of id order. The closing event is written by the close itself.
 */
@ApplicationScoped
public class ResultsPublisher {
    private static final Logger LOG = Logger.getLogger(ResultsPublisher.class);

    @Inject
    Db db;
    @Inject
    SurveyRepository surveys;
    @Inject
    ResultsService results;

    @Scheduled(every = "${balance.survey.results.publish-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            publishChanged();
        } catch (RuntimeException e) {
            LOG.warn("results publication failed; will retry", e);
        }
    }

    /** Returns how many campaigns got a new event. */
    public int publishChanged() {
        List<UUID> changed = db.auto(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id FROM survey s WHERE s.status <> 'DRAFT' AND NOT s.results_final
                      AND (s.status = 'CLOSED'
                        OR (SELECT count(*) FROM response r WHERE r.survey_id = s.id) <> s.results_response_count)""")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
        int published = 0;
        for (UUID id : changed) {
            Boolean done = db.tx(c -> {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT 1 FROM survey WHERE id = ? FOR UPDATE SKIP LOCKED")) {
                    lock.setObject(1, id);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next()) {
                            return false; // another replica is on it
                        }
                    }
                }
                Survey s = surveys.find(c, id, false).orElseThrow();
                results.enqueue(c, s, s.status() == SurveyStatus.CLOSED);
                return true;
            });
            if (done) {
                published++;
            }
        }
        if (published > 0) {
            results.sendNow();
        }
        return published;
    }
}
