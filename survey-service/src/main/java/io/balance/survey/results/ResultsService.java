package io.balance.survey.results;

import io.balance.contracts.SurveyResultsV1;
import io.balance.contracts.Topics;
import io.balance.kit.outbox.Outbox;
import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.Survey;
import io.balance.contracts.Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.balance.survey.config.SurveyConfig;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Live results of a campaign, computed from the stored answers by one aggregate query. */
@ApplicationScoped
public class ResultsService {
    @Inject
    Outbox outbox;

    @Inject
    SurveyConfig config;

    public record Results(Survey survey, RecognitionRate.Tally overall, Map<Group, RecognitionRate.Tally> byGroup,
            Map<String, RecognitionRate.Tally> bySchool, Map<Location, RecognitionRate.Tally> byLocation,
            Map<Group, Long> issued, long maxResponseId, long responses) {

        public long invitationsIssued() {
            return issued.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Valid questionnaires / invitations issued (the denominator is what was handed out, not the plan). */
        public Double validReturnRate() {
            long issuedTotal = invitationsIssued();
            return issuedTotal == 0 ? null : (double) overall.valid / issuedTotal;
        }
    }

    private static final String VALID = "(cardinality(flags) = 0 OR review = 'ACCEPT')";

    public Results compute(Connection c, Survey s) throws SQLException {
        RecognitionRate.Tally overall = new RecognitionRate.Tally();
        Map<Group, RecognitionRate.Tally> byGroup = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            byGroup.put(g, new RecognitionRate.Tally());
        }
        Map<String, RecognitionRate.Tally> bySchool = new TreeMap<>();
        Map<Location, RecognitionRate.Tally> byLocation = new EnumMap<>(Location.class);
        long maxId = 0;
        long responses = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT grp, school_code, location, count(*) FILTER (WHERE "
                + VALID + "), count(*) FILTER (WHERE cardinality(flags) > 0), "
                + "count(*) FILTER (WHERE cardinality(flags) > 0 AND review IS NULL), "
                + "count(*) FILTER (WHERE review = 'ACCEPT'), count(*) FILTER (WHERE review = 'REJECT'), "
                + "coalesce(sum(n_recognise) FILTER (WHERE " + VALID + "), 0), "
                + "coalesce(sum(n_mostly) FILTER (WHERE " + VALID + "), 0), "
                + "coalesce(sum(n_not) FILTER (WHERE " + VALID + "), 0), "
                + "coalesce(sum(n_unknown) FILTER (WHERE " + VALID + "), 0), "
                + "sum(n_recognise), sum(n_mostly), sum(n_not), sum(n_unknown), max(id), count(*) "
                + "FROM response WHERE survey_id = ? GROUP BY grp, school_code, location")) {
            ps.setObject(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecognitionRate.Tally t = new RecognitionRate.Tally();
                    t.valid = rs.getLong(4);
                    t.flagged = rs.getLong(5);
                    t.pending = rs.getLong(6);
                    t.accepted = rs.getLong(7);
                    t.rejected = rs.getLong(8);
                    t.counted.recognise = rs.getLong(9);
                    t.counted.mostly = rs.getLong(10);
                    t.counted.not = rs.getLong(11);
                    t.counted.unknown = rs.getLong(12);
                    t.all.recognise = rs.getLong(13);
                    t.all.mostly = rs.getLong(14);
                    t.all.not = rs.getLong(15);
                    t.all.unknown = rs.getLong(16);
                    maxId = Math.max(maxId, rs.getLong(17));
                    responses += rs.getLong(18);
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
        Map<Group, Long> issued = new EnumMap<>(Group.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT grp, sum(count) FROM invitation_batch WHERE survey_id = ? GROUP BY grp")) {
            ps.setObject(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    issued.put(Group.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return new Results(s, overall, byGroup, bySchool, byLocation, issued, maxId, responses);
    }

    /** The results as the API shows them. */
    public ResultsView view(Results r, Map<String, String> schoolNames) {
        Survey s = r.survey();
        RecognitionRate.Tally o = r.overall();
        double passRate = config.results().passRate();
        Map<Group, ResultsView.Slice> groups = new EnumMap<>(Group.class);
        r.byGroup().forEach((g, t) -> groups.put(g, ResultsView.Slice.of(t, null)));
        Map<String, ResultsView.Slice> schools = new LinkedHashMap<>();
        r.bySchool().forEach((code, t) -> schools.put(code, ResultsView.Slice.of(t, schoolNames.get(code))));
        Map<Location, ResultsView.Slice> locations = new EnumMap<>(Location.class);
        r.byLocation().forEach((l, t) -> locations.put(l, ResultsView.Slice.of(t, null)));
        Map<Group, ResultsView.Quota> quota = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            int planned = s.plan().byGroup().getOrDefault(g, 0);
            RecognitionRate.Tally t = r.byGroup().get(g);
            quota.put(g, new ResultsView.Quota(planned, r.issued().getOrDefault(g, 0L), t.valid, t.flagged, t.pending,
                    planned == 0 ? null : (double) t.valid / planned));
        }
        return new ResultsView(s.id(), s.countyCode(), s.year(), s.standard(), s.status(), o.rate(),
                o.rateAllAnswers(), o.valid, o.flagged, o.pending, o.accepted, o.rejected,
                ResultsView.answers(o.counted), passRate, o.rate() == null ? null : o.rate() >= passRate, groups,
                schools, locations, quota, s.plan().total(), r.invitationsIssued(), r.validReturnRate(),
                ResultsView.VALID_RETURN_RATE_BASIS, config.results().minValidReturnRate(), Instant.now());
    }

    /**
     * Writes a results event to the outbox, in the caller's transaction (the survey row locked by the
     * caller), and records what it covered so the publisher does not repeat it. The caller calls
     * {@link #sendNow} after its commit; else the kit's relay sends the event at its next sweep (a second).
     */
    public void enqueue(Connection c, Survey s, boolean closed) throws SQLException {
        Results r = compute(c, s);
        long revision = s.resultsRevision() + 1;
        Map<String, SurveyResultsV1.GroupResult> groups = new LinkedHashMap<>();
        r.byGroup().forEach((g, t) -> groups.put(g.name(), new SurveyResultsV1.GroupResult(t.rate(), t.valid)));
        SurveyResultsV1 event = new SurveyResultsV1(Outbox.newEventId(), SurveyResultsV1.SCHEMA_VERSION,
                Instant.now(), s.id().toString(), s.countyCode(), s.year(), revision, closed, r.overall().rate(),
                // flagged = what the rate leaves out: awaiting review or rejected
                r.overall().valid, r.overall().pending + r.overall().rejected, r.validReturnRate(), groups);
        outbox.add(c, event.eventId(), Topics.SURVEY_RESULTS, s.countyCode(), revision, event);
        try (PreparedStatement ps = c.prepareStatement("UPDATE survey SET results_revision = ?, "
                + "results_response_id = greatest(results_response_id, ?), results_response_count = ?, "
                + "results_final = ? WHERE id = ?")) {
            ps.setLong(1, revision);
            ps.setLong(2, r.maxResponseId());
            ps.setLong(3, r.responses());
            ps.setBoolean(4, closed);
            ps.setObject(5, s.id());
            ps.executeUpdate();
        }
    }

    /** After the commit of an {@link #enqueue}: the kit's relay publishes now rather than at its next sweep. */
    public void sendNow() {
        outbox.wake();
    }
}
