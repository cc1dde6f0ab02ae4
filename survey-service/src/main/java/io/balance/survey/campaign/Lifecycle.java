package io.balance.survey.campaign;

import io.balance.survey.common.Db;
import io.balance.survey.response.SurveyStateCache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Opens and closes campaigns by their times (also possible by hand through the API). */
@ApplicationScoped
public class Lifecycle {
    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    @Inject
    Db db;
    @Inject
    SurveyRepository surveys;
    @Inject
    SurveyService service;
    @Inject
    SurveyStateCache cache;

    @Scheduled(every = "${balance.survey.lifecycle-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            Instant now = Instant.now();
            List<UUID> toClose = db.auto(c -> surveys.due(c, SurveyStatus.OPEN, "closes_at", now));
            List<UUID> draftsPastClose = db.auto(c -> surveys.due(c, SurveyStatus.DRAFT, "closes_at", now));
            for (UUID id : concat(toClose, draftsPastClose)) {
                db.tx(c -> service.closeLocked(c, id));
                cache.invalidate(id);
                LOG.infof("survey %s closed by its closing time", id);
            }
            List<UUID> toOpen = db.auto(c -> surveys.due(c, SurveyStatus.DRAFT, "opens_at", now));
            for (UUID id : toOpen) {
                db.tx(c -> {
                    surveys.markOpen(c, id, now);
                    return null;
                });
                cache.invalidate(id);
                LOG.infof("survey %s opened by its opening time", id);
            }
        } catch (RuntimeException e) {
            LOG.warn("campaign life-cycle tick failed; will retry", e);
        }
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        java.util.ArrayList<UUID> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
