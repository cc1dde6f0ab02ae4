package io.balance.survey.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.survey.campaign.Access;
import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyRepository;
import io.balance.survey.campaign.SurveyService;
import io.balance.survey.campaign.SurveyStatus;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.caller.Caller;
import io.balance.survey.common.Db;
import io.balance.survey.common.Validation;
import io.balance.contracts.Location;
import io.balance.survey.response.Answer;
import io.balance.survey.results.ResultsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The supervising level's review of flagged answers. A flag is a reason to look: until reviewed the answer is
 * reported apart and left out of the rate; accepted, it counts as valid; rejected, it stays out. Every decision is
 * audited in {@code flag_review} (who, with which role, when, what, why) and republishes the results.
 */
@ApplicationScoped
public class ReviewService {
    private static final TypeReference<LinkedHashMap<String, Answer>> ANSWERS = new TypeReference<>() {
    };

    @Inject
    Db db;
    @Inject
    SurveyService surveyService;
    @Inject
    SurveyRepository surveys;
    @Inject
    Access access;
    @Inject
    ResultsService results;
    @Inject
    ObjectMapper json;

    public List<FlaggedAnswer> flagged(Caller caller, UUID surveyId, boolean pendingOnly, int limit) {
        Survey s = surveyService.find(surveyId);
        access.requireSupervise(caller, s.countyCode(), "reviewing flagged answers");
        return db.auto(c -> {
            List<FlaggedAnswer> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.grp, r.school_code, r.location, r.flags, "
                    + "r.duration_ms, r.client_key, r.answers::text, r.submitted_at, f.id, f.decision, f.reason, "
                    + "f.reviewed_by, f.reviewer_role, f.reviewed_at FROM response r LEFT JOIN LATERAL (SELECT * "
                    + "FROM flag_review x WHERE x.response_id = r.id ORDER BY x.id DESC LIMIT 1) f ON true "
                    + "WHERE r.survey_id = ? AND cardinality(r.flags) > 0"
                    + (pendingOnly ? " AND r.review IS NULL" : "") + " ORDER BY r.id LIMIT ?")) {
                ps.setObject(1, surveyId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long d = rs.getLong(6);
                        Long duration = rs.wasNull() ? null : d;
                        FlaggedAnswer.Review review = rs.getObject(10) == null ? null
                                : new FlaggedAnswer.Review(rs.getLong(10), rs.getLong(1), rs.getString(11),
                                        rs.getString(12), rs.getString(13), rs.getString(14),
                                        rs.getTimestamp(15).toInstant());
                        out.add(new FlaggedAnswer(rs.getLong(1), Group.valueOf(rs.getString(2)), rs.getString(3),
                                Location.parse(rs.getString(4)), List.of((String[]) rs.getArray(5).getArray()),
                                duration, source(rs.getBytes(7)), json.readValue(rs.getString(8), ANSWERS),
                                rs.getTimestamp(9).toInstant(), review));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored answer is not readable JSON", e);
            }
            return out;
        });
    }

    /** Accepts or rejects one flagged answer; audited, and the results are republished in the same transaction. */
    public FlaggedAnswer.Review review(Caller caller, UUID surveyId, long responseId, FlaggedAnswer.Decision in) {
        Survey current = surveyService.find(surveyId);
        access.requireSupervise(caller, current.countyCode(), "reviewing flagged answers");
        Validation v = new Validation();
        String decision = in == null || in.decision() == null ? null : in.decision().trim().toUpperCase();
        if (!"ACCEPT".equals(decision) && !"REJECT".equals(decision)) {
            v.add("decision", "must be ACCEPT or REJECT");
        }
        String reason = in == null || in.reason() == null ? null : in.reason().strip();
        if (reason == null || reason.isEmpty()) {
            v.add("reason", "is required: say why");
        } else if (reason.length() > 1000) {
            v.add("reason", "at most 1,000 characters");
        }
        v.throwIfInvalid();
        FlaggedAnswer.Review decided = db.tx(c -> {
            Survey s = surveys.find(c, surveyId, true).orElseThrow();
            if (!isFlagged(c, surveyId, responseId)) {
                throw ProblemException.notFound("no flagged answer " + responseId + " in this survey");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE response SET review = ? WHERE id = ?")) {
                ps.setString(1, decision);
                ps.setLong(2, responseId);
                ps.executeUpdate();
            }
            FlaggedAnswer.Review review;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flag_review (survey_id, response_id, decision, "
                    + "reason, reviewed_by, reviewer_role) VALUES (?,?,?,?,?,?) RETURNING id, reviewed_at")) {
                ps.setObject(1, surveyId);
                ps.setLong(2, responseId);
                ps.setString(3, decision);
                ps.setString(4, reason);
                ps.setString(5, caller.name());
                ps.setString(6, caller.role().name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    review = new FlaggedAnswer.Review(rs.getLong(1), responseId, decision, reason, caller.name(),
                            caller.role().name(), rs.getTimestamp(2).toInstant());
                }
            }
            if (s.status() != SurveyStatus.DRAFT) {
                results.enqueue(c, s, s.status() == SurveyStatus.CLOSED);
            }
            return review;
        });
        results.sendNow();
        return decided;
    }

    /** The audit trail of every review decision of a campaign, oldest first. */
    public List<FlaggedAnswer.Review> audit(Caller caller, UUID surveyId) {
        Survey s = surveyService.find(surveyId);
        access.requireSupervise(caller, s.countyCode(), "reading the review audit");
        return db.auto(c -> {
            List<FlaggedAnswer.Review> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, response_id, decision, reason, reviewed_by, "
                    + "reviewer_role, reviewed_at FROM flag_review WHERE survey_id = ? ORDER BY id")) {
                ps.setObject(1, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FlaggedAnswer.Review(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    private static boolean isFlagged(Connection c, UUID surveyId, long responseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM response WHERE id = ? AND survey_id = ? AND cardinality(flags) > 0 FOR UPDATE")) {
            ps.setLong(1, responseId);
            ps.setObject(2, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** 8 hex digits of the keyed hash of the source's address range: groups a burst, reveals no address. */
    private static String source(byte[] clientKey) {
        return clientKey == null ? null : HexFormat.of().formatHex(clientKey, 0, Math.min(4, clientKey.length));
    }
}
