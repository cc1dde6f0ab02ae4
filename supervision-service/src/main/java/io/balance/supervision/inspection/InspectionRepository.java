package io.balance.supervision.inspection;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** approved_report (read), inspection and inspection_difference. */
@ApplicationScoped
public class InspectionRepository {
    @Inject
    AgroalDataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public record Approved(String countyCode, String schoolName, long revision, String report) {
    }

    public Approved approved(Connection c, String school, int year) throws SQLException {
        return Sql.one(c, "select county_code, school_name, revision, report::text from approved_report"
                + " where school_code = ? and year = ?",
                rs -> new Approved(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), school, year);
    }

    public long insert(Connection c, String county, int year, InspectionRequest in, java.math.BigDecimal tolerance,
            long revision, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into inspection (county_code, year, school_code, inspector, inspected_on, tolerance,
                    report_revision, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            ps.setString(3, in.schoolCode());
            ps.setString(4, in.inspector());
            ps.setDate(5, java.sql.Date.valueOf(in.date()));
            ps.setBigDecimal(6, tolerance);
            ps.setLong(7, revision);
            ps.setString(8, actor);
            ps.setTimestamp(9, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void insertDifference(Connection c, long inspection, InspectionView.Difference d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into inspection_difference (inspection_id, field, reported, observed, deviation, beyond, problem_id)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, inspection);
            ps.setString(2, d.field());
            ps.setBigDecimal(3, d.reported());
            ps.setBigDecimal(4, d.observed());
            ps.setBigDecimal(5, d.deviation());
            ps.setBoolean(6, d.beyondTolerance());
            ps.setObject(7, d.problemId(), Types.BIGINT);
            ps.executeUpdate();
        }
    }

    public List<InspectionView> list(String county, int year) throws SQLException {
        Map<Long, InspectionView> byId = new LinkedHashMap<>();
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("""
                        select i.id, i.school_code, r.school_name, i.inspector, i.inspected_on, i.tolerance,
                            i.report_revision, i.recorded_by, i.recorded_at
                        from inspection i left join approved_report r on r.school_code = i.school_code and r.year = i.year
                        where i.county_code = ? and i.year = ? order by i.id""");
                PreparedStatement diffs = c.prepareStatement("""
                        select d.inspection_id, d.field, d.reported, d.observed, d.deviation, d.beyond, d.problem_id
                        from inspection_difference d join inspection i on i.id = d.inspection_id
                        where i.county_code = ? and i.year = ? order by d.inspection_id, d.field""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getLong(1), new InspectionView(rs.getLong(1), county, year, rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6),
                            rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant(), new ArrayList<>()));
                }
            }
            diffs.setString(1, county);
            diffs.setInt(2, year);
            try (ResultSet rs = diffs.executeQuery()) {
                while (rs.next()) {
                    Long problemId = rs.getObject(7, Long.class);
                    byId.get(rs.getLong(1)).differences().add(new InspectionView.Difference(rs.getString(2),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBoolean(6), problemId));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }
}
