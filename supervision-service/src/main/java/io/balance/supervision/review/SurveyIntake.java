package io.balance.supervision.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.kit.consumer.EventHandler;
import io.balance.kit.consumer.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the latest results of each survey campaign ({@code survey.results.v1}) for the snapshots of record. */
@ApplicationScoped
public class SurveyIntake implements EventHandler {
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return "supervision-surveys";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SURVEY_RESULTS);
    }

    @Override
    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (ConsumerRecord<String, String> r : batch) {
                SurveyResultsV1 e = inbox.read(r, SurveyResultsV1.class).orElse(null);
                if (e == null || !inbox.accept(c, e.eventId(), Topics.SURVEY_RESULTS, "survey:" + e.surveyId(), e.revision())) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into survey_state (county_code, year, survey_id, revision, closed, payload)
                        values (?, ?, ?, ?, ?, ?::jsonb) on conflict (county_code, year, survey_id) do update set
                        revision = excluded.revision, closed = excluded.closed, payload = excluded.payload""")) {
                    ps.setString(1, e.countyCode());
                    ps.setInt(2, e.year());
                    ps.setString(3, e.surveyId());
                    ps.setLong(4, e.revision());
                    ps.setBoolean(5, e.closed());
                    ps.setString(6, json.writeValueAsString(e));
                    ps.executeUpdate();
                }
            }
        }
    }
}
