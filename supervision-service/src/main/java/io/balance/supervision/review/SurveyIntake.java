package io.balance.supervision.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.kit.consumer.JdbcEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** Keeps the latest results of each survey campaign ({@code survey.results.v1}) for the snapshots of record. */
@ApplicationScoped
public class SurveyIntake extends JdbcEventHandler<SurveyResultsV1> {
    @Inject
    ObjectMapper json;

    public SurveyIntake() {
        super("supervision-surveys", SurveyResultsV1.class, Topics.SURVEY_RESULTS);
    }

    @Override
    protected Key key(SurveyResultsV1 e) {
        return new Key(e.eventId(), "survey:" + e.surveyId(), e.revision());
    }

    @Override
    protected void store(Connection c, SurveyResultsV1 e) throws Exception {
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
