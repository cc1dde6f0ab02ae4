package io.balance.supervision.plan;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The plan items' SQL. */
@ApplicationScoped
public class PlanItemRepository {
    @Inject
    AgroalDataSource dataSource;

    public List<PlanItem> list(String county) throws SQLException {
        List<PlanItem> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select seq, section, text, lead, cooperating, deadline, ref from plan_item
                        where county_code = ? order by seq""")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date deadline = rs.getDate(6);
                    out.add(new PlanItem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Arrays.asList((String[]) rs.getArray(5).getArray()),
                            deadline == null ? null : deadline.toLocalDate(), rs.getString(7)));
                }
            }
        }
        return out;
    }

    public void replace(String county, List<PlanItem> items) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "delete from plan_item where county_code = ?", county);
            Sql.batch(c, """
                    insert into plan_item (county_code, seq, section, text, lead, cooperating, deadline, ref, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, now())""", items, (item, i) -> new Object[] {county, item.seq(),
                    item.section(), item.text(), item.lead(), c.createArrayOf("text", item.cooperatingOrEmpty().toArray()),
                    item.deadline(), item.ref()});
        }
    }
}
