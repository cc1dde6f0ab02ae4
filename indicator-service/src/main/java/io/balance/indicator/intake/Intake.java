package io.balance.indicator.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.ReportApprovedV1;
import io.balance.contracts.ReviewChangedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.indicator.evaluation.EvaluationService;
import io.balance.indicator.intake.ReadModel.Affected;
import io.balance.indicator.review.ReviewStages;
import io.balance.kit.consumer.EventHandler;
import io.balance.kit.consumer.Inbox;
import io.balance.kit.consumer.JdbcEventHandler.Key;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The service's consumer (run by the kit's {@code EventConsumers}): the school topics, survey results and review
 * stages, one consumer on all five so that a batch is applied in one transaction and each affected county is
 * re-evaluated once per batch (writing the outbox in the same transaction). Each event is applied once and never
 * over a newer revision of its aggregate ({@link Inbox#accept}). Review stages ({@code supervision.reviews.v1})
 * go to {@link ReviewStages} and re-evaluate nothing. While a replay catches up nothing is re-evaluated; the
 * affected counties are evaluated once at its end.
 */
@ApplicationScoped
public class Intake implements EventHandler {
    static final List<String> TOPICS = List.of(Topics.JURISDICTIONS, Topics.SCHOOL_REGISTRY, Topics.SCHOOL_REPORTS,
            Topics.SURVEY_RESULTS, Topics.SUPERVISION_REVIEWS);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    Inbox inbox;
    @Inject
    EvaluationService evaluations;
    @Inject
    ReviewStages reviewStages;

    private ReadModel readModel;
    /** County-years changed while a replay catches up (only the consumer's thread touches it). */
    private final Set<Affected> replayAffected = new LinkedHashSet<>();

    @PostConstruct
    void init() {
        readModel = new ReadModel(json);
    }

    @Override
    public String name() {
        return "indicator-intake";
    }

    @Override
    public List<String> topics() {
        return TOPICS;
    }

    @Override
    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws SQLException {
        Set<Affected> affected = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (ConsumerRecord<String, String> r : batch) {
                affected.addAll(applyOne(c, r));
            }
            // sorted: two transactions bumping the same counties lock them in the same order
            Set<String> counties = new java.util.TreeSet<>();
            affected.forEach(a -> counties.add(a.countyCode()));
            for (String county : counties) {
                ReadModel.bump(c, county);
            }
            if (replaying) {
                replayAffected.addAll(affected);
            } else if (!affected.isEmpty()) {
                evaluations.recompute(c, affected);
            }
        }
    }

    @Override
    @Transactional
    public void beforeReplay() throws SQLException {
        replayAffected.clear();
        try (Connection c = dataSource.getConnection()) {
            ReadModel.clear(c);
            ReviewStages.clear(c);
            inbox.clear(c);
        }
    }

    /** Evaluates every county-year the replay touched, once; evaluations whose result differs get a new revision. */
    @Override
    @Transactional
    public String afterReplay() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            evaluations.recompute(c, replayAffected);
        }
        long counties = replayAffected.stream().map(Affected::countyCode).distinct().count();
        replayAffected.clear();
        return counties + " counties re-evaluated";
    }

    private Set<Affected> applyOne(Connection c, ConsumerRecord<String, String> r) throws SQLException {
        return switch (r.topic()) {
            case Topics.JURISDICTIONS -> apply(c, r, JurisdictionChangedV1.class, e -> new Key(e.eventId(),
                    e.code() == null ? null : "jurisdiction:" + e.code(), e.revision()), readModel::jurisdiction);
            case Topics.SCHOOL_REGISTRY -> apply(c, r, SchoolChangedV1.class, e -> new Key(e.eventId(),
                    e.school() == null ? null : "school:" + e.schoolCode(), e.revision()), readModel::school);
            case Topics.SCHOOL_REPORTS -> apply(c, r, ReportApprovedV1.class, e -> new Key(e.eventId(),
                    e.school() == null || e.report() == null ? null : "report:" + e.schoolCode() + ":" + e.year(),
                    e.revision()), readModel::report);
            case Topics.SURVEY_RESULTS -> apply(c, r, SurveyResultsV1.class, e -> new Key(e.eventId(),
                    e.countyCode() == null ? null : "survey:" + e.surveyId(), e.revision()), readModel::survey);
            // shown beside evaluations when read, never an input of one: nothing to re-evaluate;
            // a step without its stage cannot be shown: logged and skipped like one without its county
            case Topics.SUPERVISION_REVIEWS -> apply(c, r, ReviewChangedV1.class, e -> new Key(e.eventId(),
                    e.countyCode() == null || e.stage() == null ? null : "review:" + e.countyCode() + ":" + e.year(),
                    e.revision()), (conn, e) -> {
                        reviewStages.apply(conn, e);
                        return Set.of();
                    });
            default -> Set.of();
        };
    }

    /** Reads one record; applies it if the inbox accepts it (a null aggregate is logged and skipped there). */
    private <T> Set<Affected> apply(Connection c, ConsumerRecord<String, String> r, Class<T> type, Function<T, Key> key,
            Store<T> store) throws SQLException {
        T e = inbox.read(r, type).orElse(null);
        if (e == null) {
            return Set.of();
        }
        Key k = key.apply(e);
        return inbox.accept(c, k.eventId(), r.topic(), k.aggregate(), k.revision()) ? store.apply(c, e) : Set.of();
    }

    /** What an accepted event changes in the read model: the county-years to re-evaluate. */
    @FunctionalInterface
    private interface Store<T> {
        Set<Affected> apply(Connection c, T event) throws SQLException;
    }
}
