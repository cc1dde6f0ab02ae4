package io.balance.supervision.intake;

import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.Topics;
import io.balance.kit.consumer.EventHandler;
import io.balance.kit.consumer.Inbox;
import io.balance.supervision.problem.LedgerBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Consumes {@code indicator.evaluations.v1}: each event once (eventId), never an older revision over a newer
 * one; keeps the latest evaluation per county, year and rule set (targets are measured by it) and, for the rule
 * set the county's plan follows, brings the ledger in line with it. One transaction per polled batch.
 */
@ApplicationScoped
public class EvaluationIntake implements EventHandler {
    private static final Logger LOG = Logger.getLogger(EvaluationIntake.class);

    @Inject
    Inbox inbox;
    @Inject
    EvaluationStates states;
    @Inject
    LedgerBuilder ledger;

    @Override
    public String name() {
        return "supervision-intake";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.INDICATOR_EVALUATIONS);
    }

    @Override
    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws Exception {
        try (Connection c = states.connection()) {
            for (ConsumerRecord<String, String> r : batch) {
                EvaluationChangedV1 e = inbox.read(r, EvaluationChangedV1.class).orElse(null);
                if (e == null) {
                    continue;
                }
                apply(c, e);
            }
        }
    }

    /** Applies one event on the caller's transaction; false when it was a duplicate or older than what is held. */
    public boolean apply(Connection c, EvaluationChangedV1 e) throws Exception {
        long t0 = System.nanoTime();
        String aggregate = "evaluation:" + e.countyCode() + ":" + e.year() + ":" + e.ruleSet();
        if (!inbox.accept(c, e.eventId(), Topics.INDICATOR_EVALUATIONS, aggregate, e.revision())) {
            return false;
        }
        long t1 = System.nanoTime();
        states.store(c, e);
        long t2 = System.nanoTime();
        if (e.ruleSet().equals(states.ledgerRuleSet(c, e.countyCode()))) {
            LedgerBuilder.Result result = ledger.apply(c, e);
            LOG.debugf("ledger %s/%d/%s r%d: %d created, %d changed; ms: inbox %d, state %d, ledger %d", e.countyCode(),
                    e.year(), e.ruleSet(), e.revision(), result.created(), result.changed(), (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
        return true;
    }
}
