package io.balance.supervision.department;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The department catalogue's SQL. */
@ApplicationScoped
public class DepartmentRepository {
    @Inject
    AgroalDataSource dataSource;

    /** The stored catalogue, or empty when the county never edited it. */
    public List<Department> stored(String county) {
        List<Department> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select code, name from department where county_code = ? order by position")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Department(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public void replace(String county, List<Department> departments) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "delete from department where county_code = ?", county);
            Sql.batch(c, "insert into department (county_code, code, name, position) values (?, ?, ?, ?)",
                    departments, (d, position) -> new Object[] {county, d.code(), d.name(), position});
        }
    }

    /** How often each of {@code codes} is still used by the county's problems and plan items. */
    public Map<String, Integer> uses(String county, Set<String> codes) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select d, count(*) from (
                            select department as d from problem where county_code = ? and department = any (?)
                            union all select lead from plan_item where county_code = ? and lead = any (?)
                            union all select unnest(cooperating) from plan_item where county_code = ? and cooperating && ?
                        ) u where d = any (?) group by d order by d""")) {
            java.sql.Array array = c.createArrayOf("text", codes.toArray());
            ps.setString(1, county);
            ps.setArray(2, array);
            ps.setString(3, county);
            ps.setArray(4, array);
            ps.setString(5, county);
            ps.setArray(6, array);
            ps.setArray(7, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }
}
