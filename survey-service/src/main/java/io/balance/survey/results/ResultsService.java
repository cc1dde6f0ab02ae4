package io.balance.survey.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.Survey;
import io.balance.survey.registry.Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Live results of a campaign, computed from the stored answers by one aggregate query. */
@ApplicationScoped
public class ResultsService {
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "balance.survey.results.pass-rate", defaultValue = "0.85")
    double passRate;
    @ConfigProperty(name = "balance.survey.results.min-valid-return-rate", defaultValue = "0.70")
    double minValidReturnRate;

    public record Results(Survey survey, RecognitionRate.Tally overall, Map<Group, RecognitionRate.Tally> byGroup,
            Map<String, RecognitionRate.Tally> bySchool, Map<Location, RecognitionRate.Tally> byLocation,
            Map<Group, Long> issued, long maxResponseId) {

        public Double validReturnRate() {
            int total = survey.plan().total();
            return total == 0 ? null : (double) overall.valid / total;
        }
    }

    public Results compute(Connection c, Survey s) throws SQLException {
        RecognitionRate.Tally overall = new RecognitionRate.Tally();
        Map<Group, RecognitionRate.Tally> byGroup = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            byGroup.put(g, new RecognitionRate.Tally());
        }
        Map<String, RecognitionRate.Tally> bySchool = new TreeMap<>();
        Map<Location, RecognitionRate.Tally> byLocation = new LinkedHashMap<>();
        long maxId = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT grp, school_code, location,
                  count(*) FILTER (WHERE cardinality(flags) = 0),
                  count(*) FILTER (WHERE cardinality(flags) > 0),
                  coalesce(sum(n_recognise) FILTER (WHERE cardinality(flags) = 0), 0),
                  coalesce(sum(n_mostly) FILTER (WHERE cardinality(flags) = 0), 0),
                  coalesce(sum(n_not) FILTER (WHERE cardinality(flags) = 0), 0),
                  coalesce(sum(n_unknown) FILTER (WHERE cardinality(flags) = 0), 0),
                  max(id)
                FROM response WHERE survey_id = ? GROUP BY grp, school_code, location""")) {
            ps.setObject(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecognitionRate.Tally t = new RecognitionRate.Tally();
                    t.valid = rs.getLong(4);
                    t.flagged = rs.getLong(5);
                    t.recognise = rs.getLong(6);
                    t.mostly = rs.getLong(7);
                    t.not = rs.getLong(8);
                    t.unknown = rs.getLong(9);
                    maxId = Math.max(maxId, rs.getLong(10));
                    overall.add(t);
                    byGroup.get(Group.valueOf(rs.getString(1))).add(t);
                    if (rs.getString(2) != null) {
                        bySchool.computeIfAbsent(rs.getString(2), k -> new RecognitionRate.Tally()).add(t);
                    }
                    Location l = Location.parse(rs.getString(3));
                    if (l != null) {
                        byLocation.computeIfAbsent(l, k -> new RecognitionRate.Tally()).add(t);
                    }
                }
            }
        }
        Map<Group, Long> issued = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT grp, sum(count) FROM invitation_batch WHERE survey_id = ? GROUP BY grp")) {
            ps.setObject(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    issued.put(Group.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return new Results(s, overall, byGroup, bySchool, byLocation, issued, maxId);
    }

    /** The results as the API shows them. */
    public Map<String, Object> view(Results r, Map<String, String> schoolNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        Survey s = r.survey();
        m.put("surveyId", s.id());
        m.put("countyCode", s.countyCode());
        m.put("year", s.year());
        m.put("status", s.status());
        m.put("rate", r.overall().rate());
        m.put("valid", r.overall().valid);
        m.put("flagged", r.overall().flagged);
        m.put("answers", answers(r.overall()));
        m.put("passRate", passRate);
        m.put("passes", r.overall().rate() == null ? null : r.overall().rate() >= passRate);
        Map<String, Object> groups = new LinkedHashMap<>();
        r.byGroup().forEach((g, t) -> groups.put(g.name(), slice(t, null)));
        m.put("byGroup", groups);
        Map<String, Object> schools = new LinkedHashMap<>();
        r.bySchool().forEach((code, t) -> schools.put(code, slice(t, schoolNames.get(code))));
        m.put("bySchool", schools);
        Map<String, Object> locations = new LinkedHashMap<>();
        r.byLocation().forEach((l, t) -> locations.put(l.name(), slice(t, null)));
        m.put("byLocation", locations);
        Map<String, Object> quota = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            Map<String, Object> q = new LinkedHashMap<>();
            int planned = s.plan().byGroup().getOrDefault(g, 0);
            q.put("planned", planned);
            q.put("issued", r.issued().getOrDefault(g, 0L));
            q.put("valid", r.byGroup().get(g).valid);
            q.put("flagged", r.byGroup().get(g).flagged);
            q.put("progress", planned == 0 ? null : (double) r.byGroup().get(g).valid / planned);
            quota.put(g.name(), q);
        }
        m.put("quota", quota);
        m.put("plannedTotal", s.plan().total());
        m.put("validReturnRate", r.validReturnRate());
        m.put("minValidReturnRate", minValidReturnRate);
        m.put("asOf", Instant.now());
        return m;
    }

    private static Map<String, Object> slice(RecognitionRate.Tally t, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (name != null) {
            m.put("name", name);
        }
        m.put("rate", t.rate());
        m.put("valid", t.valid);
        m.put("flagged", t.flagged);
        m.put("answers", answers(t));
        return m;
    }

    private static Map<String, Long> answers(RecognitionRate.Tally t) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("RECOGNISE", t.recognise);
        m.put("MOSTLY", t.mostly);
        m.put("NOT", t.not);
        m.put("UNKNOWN", t.unknown);
        return m;
    }

    /**
     * Writes a results event to the outbox, in the caller's transaction (the survey row locked by the
     * caller), and records what it covered so the publisher does not repeat it.
     */
    public void enqueue(Connection c, Survey s, boolean closed) throws SQLException {
        Results r = compute(c, s);
        long revision = s.resultsRevision() + 1;
        Map<String, SurveyResultsV1.GroupResult> groups = new LinkedHashMap<>();
        r.byGroup().forEach((g, t) -> groups.put(g.name(), new SurveyResultsV1.GroupResult(t.rate(), t.valid)));
        SurveyResultsV1 event = new SurveyResultsV1(UUID.randomUUID().toString(), SurveyResultsV1.SCHEMA_VERSION,
                Instant.now(), s.id().toString(), s.countyCode(), s.year(), revision, closed, r.overall().rate(),
                r.overall().valid, r.overall().flagged, r.validReturnRate(), groups);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, event_key, payload) VALUES (?,?,?,?)")) {
            ps.setString(1, event.eventId());
            ps.setString(2, Topics.SURVEY_RESULTS);
            ps.setString(3, s.countyCode());
            ps.setString(4, payload);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE survey SET results_revision = ?, "
                + "results_response_id = greatest(results_response_id, ?), results_response_count = ?, "
                + "results_final = ? WHERE id = ?")) {
            ps.setLong(1, revision);
            ps.setLong(2, r.maxResponseId());
            ps.setLong(3, r.overall().valid + r.overall().flagged);
            ps.setBoolean(4, closed);
            ps.setObject(5, s.id());
            ps.executeUpdate();
        }
    }
}
