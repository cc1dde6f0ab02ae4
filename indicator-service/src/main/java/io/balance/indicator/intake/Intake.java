package io.balance.indicator.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies a polled batch of events to the read model in one transaction: de-duplicate on eventId, ignore older
 * revisions, then re-evaluate only the affected counties (writing the outbox) in the same transaction. Review
 * stages ({@code supervision.reviews.v1}) go to {@link ReviewStages} and re-evaluate nothing.
 */
@ApplicationScoped
public class Intake {
    private static final Logger LOG = Logger.getLogger(Intake.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper quarkusJson;
    @Inject
    EvaluationService evaluations;
    @Inject
    ReviewStages reviewStages;

    /** Events from other services may carry fields added later: tolerate them. */
    private ObjectMapper json;
    private ReadModel readModel;

    @PostConstruct
    void init() {
        json = quarkusJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        readModel = new ReadModel(json);
    }

    /**
     * @param recompute false while replaying: the affected counties are returned and evaluated once at the end
     * @return the county-years whose inputs changed
     */
    @Transactional
    public Set<Affected> apply(List<ConsumerRecord<String, String>> records, boolean recompute) throws SQLException {
        Set<Affected> affected = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (ConsumerRecord<String, String> r : records) {
                affected.addAll(applyOne(c, r));
            }
            Set<String> counties = new LinkedHashSet<>();
            affected.forEach(a -> counties.add(a.countyCode()));
            for (String county : counties) {
                ReadModel.bump(c, county);
            }
            if (recompute && !affected.isEmpty()) {
                evaluations.recompute(c, affected);
            }
        }
        return affected;
    }

    @Transactional
    public void recompute(Set<Affected> affected) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            evaluations.recompute(c, affected);
        }
    }

    @Transactional
    public void clear() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ReadModel.clear(c);
            ReviewStages.clear(c);
        }
    }

    private Set<Affected> applyOne(Connection c, ConsumerRecord<String, String> r) throws SQLException {
        if (r.value() == null) {
            return Set.of();
        }
        try {
            switch (r.topic()) {
                case Topics.JURISDICTIONS -> {
                    JurisdictionChangedV1 e = json.readValue(r.value(), JurisdictionChangedV1.class);
                    return valid(e.eventId(), e.code()) && readModel.firstTime(c, e.eventId(), r.topic())
                            ? readModel.jurisdiction(c, e) : Set.of();
                }
                case Topics.SCHOOL_REGISTRY -> {
                    SchoolChangedV1 e = json.readValue(r.value(), SchoolChangedV1.class);
                    return valid(e.eventId(), e.school()) && readModel.firstTime(c, e.eventId(), r.topic())
                            ? readModel.school(c, e) : Set.of();
                }
                case Topics.SCHOOL_REPORTS -> {
                    ReportApprovedV1 e = json.readValue(r.value(), ReportApprovedV1.class);
                    return valid(e.eventId(), e.school()) && e.report() != null && readModel.firstTime(c, e.eventId(), r.topic())
                            ? readModel.report(c, e) : Set.of();
                }
                case Topics.SURVEY_RESULTS -> {
                    SurveyResultsV1 e = json.readValue(r.value(), SurveyResultsV1.class);
                    return valid(e.eventId(), e.countyCode()) && readModel.firstTime(c, e.eventId(), r.topic())
                            ? readModel.survey(c, e) : Set.of();
                }
                case Topics.SUPERVISION_REVIEWS -> {
                    // shown beside evaluations when read, never an input of one: nothing to re-evaluate
                    ReviewChangedV1 e = json.readValue(r.value(), ReviewChangedV1.class);
                    // a step without its stage cannot be shown: logged and skipped like one without its county
                    if (valid(e.eventId(), e.countyCode()) && valid(e.eventId(), e.stage())
                            && readModel.firstTime(c, e.eventId(), r.topic())) {
                        reviewStages.apply(c, e);
                    }
                    return Set.of();
                }
                default -> {
                    return Set.of();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a payload that cannot be read would block the partition forever: log it and move on
            LOG.errorf("skipping unreadable event %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getOriginalMessage());
            return Set.of();
        }
    }

    private boolean valid(String eventId, Object subject) {
        if (eventId == null || eventId.isBlank() || subject == null) {
            LOG.errorf("skipping event without eventId or subject: %s", eventId);
            return false;
        }
        return true;
    }
}
