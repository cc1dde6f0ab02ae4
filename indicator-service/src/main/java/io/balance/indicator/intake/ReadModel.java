package io.balance.indicator.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.ReportApprovedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.SurveyResultsV1;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes of the read model, on the caller's connection and transaction. Every upsert is guarded by the
 * aggregate's revision too (beside the kit's Inbox): an older revision arriving after a newer one changes nothing,
 * also for an aggregate the inbox has no revision of yet (consumed before the move onto the kit, V5).
 */
public final class ReadModel {
    private final ObjectMapper json;

    public ReadModel(ObjectMapper json) {
        this.json = json;
    }

    /** A county-year whose inputs changed; year null means every year of the county. */
    public record Affected(String countyCode, Integer year) {
    }

    public Set<Affected> jurisdiction(Connection c, JurisdictionChangedV1 e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into jurisdiction (code, revision, name, level, parent_code, resident_population)
                values (?, ?, ?, ?, ?, ?)
                on conflict (code) do update set revision = excluded.revision, name = excluded.name,
                    level = excluded.level, parent_code = excluded.parent_code,
                    resident_population = excluded.resident_population
                where jurisdiction.revision < excluded.revision""")) {
            ps.setString(1, e.code());
            ps.setLong(2, e.revision());
            ps.setString(3, e.name());
            ps.setString(4, e.level());
            ps.setString(5, e.parentCode());
            if (e.residentPopulation() == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, e.residentPopulation());
            }
            if (ps.executeUpdate() == 0 || !"COUNTY".equals(e.level())) {
                return Set.of();
            }
        }
        return Set.of(new Affected(e.code(), null)); // the county's name appears in its evaluations
    }

    public Set<Affected> school(Connection c, SchoolChangedV1 e) throws SQLException {
        String before = countyOfSchool(c, e.schoolCode());
        try (PreparedStatement ps = c.prepareStatement("""
                insert into school (school_code, revision, county_code, name, type, location, public_school, boarding, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (school_code) do update set revision = excluded.revision, county_code = excluded.county_code,
                    name = excluded.name, type = excluded.type, location = excluded.location,
                    public_school = excluded.public_school, boarding = excluded.boarding,
                    registered_at = least(school.registered_at, excluded.registered_at)
                where school.revision < excluded.revision""")) {
            ps.setString(1, e.schoolCode());
            ps.setLong(2, e.revision());
            ps.setString(3, e.school().countyCode());
            ps.setString(4, e.school().name());
            ps.setString(5, e.school().type());
            ps.setString(6, e.school().location());
            ps.setBoolean(7, e.school().publicSchool());
            ps.setBoolean(8, e.school().boarding());
            ps.setTimestamp(9, Timestamp.from(e.occurredAt() == null ? Instant.now() : e.occurredAt()));
            if (ps.executeUpdate() == 0) {
                return Set.of();
            }
        }
        Set<Affected> affected = new LinkedHashSet<>();
        affected.add(new Affected(e.school().countyCode(), null));
        if (before != null && !before.equals(e.school().countyCode())) {
            affected.add(new Affected(before, null));
        }
        return affected;
    }

    public Set<Affected> report(Connection c, ReportApprovedV1 e) throws SQLException {
        String before = null;
        try (PreparedStatement ps = c.prepareStatement("select county_code from school_report where school_code = ? and year = ?")) {
            ps.setString(1, e.schoolCode());
            ps.setInt(2, e.year());
            try (ResultSet rs = ps.executeQuery()) {
                before = rs.next() ? rs.getString(1) : null;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into school_report (school_code, year, revision, county_code, school, report, approved_by, approved_at)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                on conflict (school_code, year) do update set revision = excluded.revision,
                    county_code = excluded.county_code, school = excluded.school, report = excluded.report,
                    approved_by = excluded.approved_by, approved_at = excluded.approved_at
                where school_report.revision < excluded.revision""")) {
            ps.setString(1, e.schoolCode());
            ps.setInt(2, e.year());
            ps.setLong(3, e.revision());
            ps.setString(4, e.school().countyCode());
            ps.setString(5, write(e.school()));
            ps.setString(6, write(e.report()));
            ps.setString(7, e.approvedBy());
            ps.setTimestamp(8, e.approvedAt() == null ? null : Timestamp.from(e.approvedAt()));
            if (ps.executeUpdate() == 0) {
                return Set.of();
            }
        }
        Set<Affected> affected = new LinkedHashSet<>();
        affected.add(new Affected(e.school().countyCode(), e.year()));
        if (before != null && !before.equals(e.school().countyCode())) {
            affected.add(new Affected(before, e.year()));
        }
        return affected;
    }

    public Set<Affected> survey(Connection c, SurveyResultsV1 e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into survey_result (survey_id, county_code, year, revision, closed, rate, valid, flagged,
                    valid_return_rate, by_group, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (survey_id) do update set county_code = excluded.county_code, year = excluded.year,
                    revision = excluded.revision, closed = excluded.closed, rate = excluded.rate, valid = excluded.valid,
                    flagged = excluded.flagged, valid_return_rate = excluded.valid_return_rate,
                    by_group = excluded.by_group, occurred_at = excluded.occurred_at
                where survey_result.revision < excluded.revision""")) {
            ps.setString(1, e.surveyId());
            ps.setString(2, e.countyCode());
            ps.setInt(3, e.year());
            ps.setLong(4, e.revision());
            ps.setBoolean(5, e.closed());
            setDouble(ps, 6, e.rate());
            ps.setLong(7, e.valid());
            ps.setLong(8, e.flagged());
            setDouble(ps, 9, e.validReturnRate());
            ps.setString(10, e.byGroup() == null ? null : write(e.byGroup()));
            ps.setTimestamp(11, e.occurredAt() == null ? null : Timestamp.from(e.occurredAt()));
            if (ps.executeUpdate() == 0) {
                return Set.of();
            }
        }
        return Set.of(new Affected(e.countyCode(), e.year()));
    }

    /** Marks a county's inputs changed so that cached inputs are reloaded. */
    public static void bump(Connection c, String countyCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into county_input_version (county_code, version) values (?, 1)
                on conflict (county_code) do update set version = county_input_version.version + 1""")) {
            ps.setString(1, countyCode);
            ps.executeUpdate();
        }
    }

    /**
     * Forgets the read model before a replay from the beginning (stored evaluations keep their revisions; the
     * inbox is cleared by the caller).
     */
    public static void clear(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.executeUpdate("truncate jurisdiction, school, school_report, survey_result");
            st.executeUpdate("update county_input_version set version = version + 1");
        }
    }

    private static String countyOfSchool(Connection c, String schoolCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select county_code from school where school_code = ?")) {
            ps.setString(1, schoolCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
