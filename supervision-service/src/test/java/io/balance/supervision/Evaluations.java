package io.balance.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.EvaluationDetailsV1;
import io.balance.contracts.Topics;
import io.balance.infra.TopicWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Produces indicator.evaluations.v1 to the real broker as indicator-service does (JSON, key = county). */
public final class Evaluations implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final TopicWriter topic = new TopicWriter();

    public void send(EvaluationChangedV1 e) {
        try {
            topic.send(Topics.INDICATOR_EVALUATIONS, e.countyCode(), JSON.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static EvaluationChangedV1 event(String county, int year, long revision, String verdict,
            EvaluationDetailsV1 details, List<String> missing) {
        return new EvaluationChangedV1(UUID.randomUUID().toString(), 1, Instant.now(), county, year, "QUALITY_2017",
                revision, verdict, 0, List.of(), missing, details);
    }

    /** PRIMARY R5 (sports area, m²) with the given school-stages. */
    public static EvaluationDetailsV1 primary(int classes, int large, List<EvaluationDetailsV1.SchoolStage> schools) {
        return new EvaluationDetailsV1(List.of(new EvaluationDetailsV1.Stage("PRIMARY", classes, large, 0, null, null,
                List.of(new EvaluationDetailsV1.Indicator("R5", "生均体育运动场馆面积", "m2", 7.5, 7.9, 0.31, 0.5, true,
                        null, null)), schools)), new EvaluationDetailsV1.Compliance(schools.size(),
                (int) schools.stream().filter(s -> Boolean.TRUE.equals(s.complies())).count(), schools.size(),
                (int) schools.stream().filter(s -> Boolean.TRUE.equals(s.complies())).count()), List.of(), 0.9);
    }

    public static EvaluationDetailsV1.SchoolStage school(String code, boolean complies, Map<String, Double> gaps) {
        return new EvaluationDetailsV1.SchoolStage(code, "学校" + code.substring(6), "PRIMARY", 600, false, complies, gaps);
    }

    @Override
    public void close() {
        topic.close();
    }
}
