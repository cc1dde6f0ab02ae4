package io.balance.supervision.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.balance.supervision.common.Today;
import io.balance.supervision.intake.EvaluationStates;
import io.balance.supervision.problem.ProblemRepository;
import io.balance.supervision.problem.ProblemStatus;
import io.balance.supervision.problem.ProblemView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Freezes the figures of record: every evaluation the service holds for the county and year (each rule set),
 * the survey results, and the ledger's counts and open items, as canonical JSON (keys sorted, no whitespace)
 * whose SHA-256 is the digest. The body is stored as that exact text, so reading it back gives the bytes judged.
 */
@ApplicationScoped
public class SnapshotService {
    /** Canonical form: maps written with sorted keys; values read from jsonb come back as plain maps. */
    private static final ObjectMapper CANONICAL = new ObjectMapper().findAndRegisterModules()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    ProblemRepository problems;
    @Inject
    EvaluationStates evaluations;
    @Inject
    Today today;

    public ReviewRepository.Snapshot take(Connection c, String county, int year, ReviewStage stage, int version,
            String takenBy, Instant at) throws SQLException {
        String ruleSet = evaluations.ledgerRuleSet(c, county);
        Map<String, Object> body = new TreeMap<>();
        body.put("countyCode", county);
        body.put("year", year);
        body.put("stage", stage.name());
        body.put("version", version);
        body.put("takenAt", at.toString());
        body.put("takenBy", takenBy);
        body.put("ruleSet", ruleSet);
        List<Map<String, Object>> evals = evaluations(c, county, year);
        body.put("evaluations", evals);
        body.put("verdict", evals.stream().filter(e -> ruleSet.equals(e.get("ruleSet"))).map(e -> e.get("verdict"))
                .findFirst().orElse(null));
        body.put("survey", surveys(c, county, year));
        body.put("ledger", ledger(county, year));
        String text = canonical(body);
        return new ReviewRepository.Snapshot(version, stage, sha256(text), text, at, takenBy);
    }

    private List<Map<String, Object>> evaluations(Connection c, String county, int year) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select rule_set, revision, verdict, missing_inputs::text, details::text from evaluation_state
                where county_code = ? and year = ? order by rule_set""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> e = new TreeMap<>();
                    e.put("ruleSet", rs.getString(1));
                    e.put("revision", rs.getLong(2));
                    e.put("verdict", rs.getString(3));
                    e.put("missingInputs", parse(rs.getString(4)));
                    e.put("details", parse(rs.getString(5)));
                    out.add(e);
                }
            }
        }
        return out;
    }

    private List<Map<String, Object>> surveys(Connection c, String county, int year) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select survey_id, revision, closed, payload::text from survey_state
                where county_code = ? and year = ? order by survey_id""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> s = new TreeMap<>();
                    s.put("surveyId", rs.getString(1));
                    s.put("revision", rs.getLong(2));
                    s.put("closed", rs.getBoolean(3));
                    s.put("results", parse(rs.getString(4)));
                    out.add(s);
                }
            }
        }
        return out;
    }

    private Map<String, Object> ledger(String county, int year) throws SQLException {
        List<ProblemView> all = problems.all(county, year, today.date());
        Map<String, Long> byStatus = new TreeMap<>();
        List<Map<String, Object>> open = new ArrayList<>();
        for (ProblemView p : all) {
            byStatus.merge(p.status().name(), 1L, Long::sum);
            if (p.status() != ProblemStatus.VERIFIED) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", p.id());
                item.put("key", p.key());
                item.put("source", p.source().name());
                item.put("title", p.title());
                item.put("schoolCode", p.schoolCode());
                item.put("stage", p.stage());
                item.put("ref", p.ref());
                item.put("status", p.status().name());
                item.put("department", p.department());
                item.put("deadline", p.deadline() == null ? null : p.deadline().toString());
                open.add(item);
            }
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("total", all.size());
        out.put("byStatus", byStatus);
        out.put("verified", byStatus.getOrDefault(ProblemStatus.VERIFIED.name(), 0L));
        out.put("open", open);
        return out;
    }

    private static Object parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return CANONICAL.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }

    static String canonical(Object body) {
        try {
            // ORDER_MAP_ENTRIES_BY_KEYS sorts every map on the way out, the nested ones read back from jsonb too
            return CANONICAL.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The frozen verdict (under the ledger's rule set) of a stored snapshot body. */
    static String verdictIn(String body) {
        try {
            return CANONICAL.readTree(body).path("verdict").textValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
