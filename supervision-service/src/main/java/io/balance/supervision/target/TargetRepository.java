package io.balance.supervision.target;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The plan's SQL (county_plan, target). */
@ApplicationScoped
public class TargetRepository {
    @Inject
    AgroalDataSource dataSource;

    public void replace(String county, String ruleSet, List<Target> targets, String by) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into county_plan (county_code, rule_set, updated_at, updated_by) values (?, ?, now(), ?)
                    on conflict (county_code) do update set rule_set = excluded.rule_set, updated_at = now(),
                        updated_by = excluded.updated_by""")) {
                ps.setString(1, county);
                ps.setString(2, ruleSet);
                ps.setString(3, by);
                ps.executeUpdate();
            }
            Sql.update(c, "delete from target where county_code = ?", county);
            Sql.batch(c, """
                    insert into target (county_code, kind, stage, indicator, year, comparison, value, verdict)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", targets, (t, i) -> new Object[] {county, t.kind().name(),
                    t.stage(), t.indicator(), t.year(), t.comparison().name(), t.value(), t.verdict()});
        }
    }

    /** The plan's rule set, or null when the county has no plan. */
    public String ruleSet(String county) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select rule_set from county_plan where county_code = ?")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public List<Target> targets(String county) throws SQLException {
        List<Target> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select year, kind, stage, indicator, comparison, value, verdict from target
                        where county_code = ? order by kind, stage, indicator, year""")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Target(rs.getInt(1), TargetKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), Comparison.valueOf(rs.getString(5)),
                            io.balance.supervision.common.Decimals.plain(rs.getBigDecimal(6)), rs.getString(7)));
                }
            }
        }
        return out;
    }
}
