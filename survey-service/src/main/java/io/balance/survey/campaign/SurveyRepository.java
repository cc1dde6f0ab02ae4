package io.balance.survey.campaign;

import io.balance.kit.jdbc.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.survey.questionnaire.Standard;
import io.balance.contracts.Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code survey}. */
@ApplicationScoped
public class SurveyRepository {
    private static final String COLUMNS = "id, county_code, year, opens_at, closes_at, status, population, plan, "
            + "client_salt, created_by, created_at, opened_at, closed_at, results_revision, standard";

    @Inject
    ObjectMapper json;

    public Optional<Survey> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM survey WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The campaign of a county and year (at most one: unique key). */
    public Optional<UUID> idOf(Connection c, String countyCode, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM survey WHERE county_code = ? AND year = ?")) {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    public List<Survey> list(Connection c, String countyCode) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM survey" + (countyCode == null ? "" : " WHERE county_code = ?")
                + " ORDER BY year DESC, county_code";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (countyCode != null) {
                ps.setString(1, countyCode);
            }
            List<Survey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    public void insert(Connection c, Survey s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO survey (id, county_code, year, opens_at, closes_at, "
                + "status, population, plan, client_salt, created_by, created_at, standard) "
                + "VALUES (?,?,?,?,?,?,?,?::jsonb,?,?,?,?)")) {
            ps.setObject(1, s.id());
            ps.setString(2, s.countyCode());
            ps.setInt(3, s.year());
            ps.setTimestamp(4, Timestamp.from(s.opensAt()));
            ps.setTimestamp(5, Timestamp.from(s.closesAt()));
            ps.setString(6, s.status().name());
            ps.setLong(7, s.population());
            ps.setString(8, planJson(s.plan()));
            ps.setBytes(9, s.clientSalt());
            ps.setString(10, s.createdBy());
            ps.setTimestamp(11, Timestamp.from(s.createdAt()));
            ps.setString(12, s.standard().name());
            ps.executeUpdate();
        }
    }

    public void updatePlan(Connection c, UUID id, SamplePlan plan) throws SQLException {
        Sql.update(c, "UPDATE survey SET plan = ?::jsonb WHERE id = ?", planJson(plan), id);
    }

    public void markOpen(Connection c, UUID id, Instant at) throws SQLException {
        Sql.update(c, "UPDATE survey SET status = 'OPEN', opened_at = ? WHERE id = ? AND status = 'DRAFT'", Timestamp.from(at), id);
    }

    public void markClosed(Connection c, UUID id, Instant at) throws SQLException {
        Sql.update(c, "UPDATE survey SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status <> 'CLOSED'", Timestamp.from(at), id);
    }

    /** Campaigns whose times say they should change state now. */
    public List<UUID> due(Connection c, SurveyStatus status, String timeColumn, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM survey WHERE status = ? AND " + timeColumn + " <= ? ORDER BY id")) {
            ps.setString(1, status.name());
            ps.setTimestamp(2, Timestamp.from(now));
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /** Per group: invitations issued and questionnaires returned (quota progress; no answers, no codes). */
    public Map<Group, long[]> progress(Connection c, UUID id) throws SQLException {
        Map<Group, long[]> out = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            out.put(g, new long[2]);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT grp, sum(count), 0 FROM invitation_batch WHERE survey_id = ? GROUP BY grp
                UNION ALL SELECT grp, 0, count(*) FROM response WHERE survey_id = ? GROUP BY grp""")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] n = out.get(Group.valueOf(rs.getString(1)));
                    n[0] += rs.getLong(2);
                    n[1] += rs.getLong(3);
                }
            }
        }
        return out;
    }

    String planJson(SamplePlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Survey map(ResultSet rs) throws SQLException {
        return new Survey(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                Standard.valueOf(rs.getString(15)), instant(rs, 4), instant(rs, 5), SurveyStatus.valueOf(rs.getString(6)),
                rs.getLong(7), plan(rs.getString(8)), rs.getBytes(9),
                rs.getString(10), instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getLong(14));
    }

    private SamplePlan plan(String text) {
        try {
            JsonNode n = json.readTree(text);
            Map<Group, Integer> byGroup = new EnumMap<>(Group.class);
            json.convertValue(n.get("byGroup"), new TypeReference<Map<Group, Integer>>() {
            }).forEach(byGroup::put);
            Map<Location, Integer> byLocation = new EnumMap<>(Location.class);
            if (n.hasNonNull("byLocation")) {
                json.convertValue(n.get("byLocation"), new TypeReference<Map<Location, Integer>>() {
                }).forEach(byLocation::put);
            }
            return new SamplePlan(n.get("total").asInt(), byGroup, byLocation,
                    n.hasNonNull("locationBasis") ? n.get("locationBasis").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
