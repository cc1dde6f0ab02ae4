package io.balance.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.ReportApprovedV1;
import io.balance.contracts.ReviewChangedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.SchoolV1;
import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.infra.TopicWriter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Produces the school, survey and supervision services' events to the real broker, as they would (JSON, key = code). */
public final class Events implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final TopicWriter writer = new TopicWriter();

    public void send(String topic, String key, Object payload) {
        try {
            writer.send(topic, key, JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void jurisdiction(String code, String name, String level, String parent, long revision) {
        send(Topics.JURISDICTIONS, code, new JurisdictionChangedV1(UUID.randomUUID().toString(), 1, Instant.now(), code,
                revision, name, level, parent, 300_000L));
    }

    public void school(SchoolV1 school, long revision) {
        send(Topics.SCHOOL_REGISTRY, school.schoolCode(), new SchoolChangedV1(UUID.randomUUID().toString(), 1,
                Instant.now(), school.schoolCode(), revision, school));
    }

    public ReportApprovedV1 report(SchoolV1 school, int year, long revision, AnnualReportV1 report) {
        ReportApprovedV1 e = new ReportApprovedV1(UUID.randomUUID().toString(), 1, Instant.now(), school.schoolCode(),
                year, revision, school, report, "county-admin", Instant.now());
        send(Topics.SCHOOL_REPORTS, school.schoolCode(), e);
        return e;
    }

    public void survey(String county, int year, String surveyId, long revision, boolean closed, Double rate) {
        send(Topics.SURVEY_RESULTS, county, new SurveyResultsV1(UUID.randomUUID().toString(), 1, Instant.now(), surveyId,
                county, year, revision, closed, rate, 640, 12, 0.9,
                Map.of("PARENT", new SurveyResultsV1.GroupResult(rate, 320))));
    }

    /** A step of a county's review as supervision-service publishes it (key = county). */
    public ReviewChangedV1 review(String county, int year, long revision, String stage, String action,
            Integer snapshotVersion, String snapshotDigest, String verdict) {
        // microseconds, as PostgreSQL keeps them: the time read back is the time sent
        ReviewChangedV1 e = new ReviewChangedV1(UUID.randomUUID().toString(), ReviewChangedV1.SCHEMA_VERSION,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), county, year, revision, stage, action, "reviewer-" + county.substring(0, 4) + "00",
                snapshotVersion, snapshotDigest, verdict);
        send(Topics.SUPERVISION_REVIEWS, county, e);
        return e;
    }

    @Override
    public void close() {
        writer.close();
    }
}
