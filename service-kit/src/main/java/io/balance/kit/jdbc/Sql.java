package io.balance.kit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The plain-JDBC steps every service repeated: bind the arguments, run, read one number or one row. Arguments are
 * bound with {@link PreparedStatement#setObject(int, Object)}, which the PostgreSQL driver types from the value
 * (String, Integer, Long, UUID, …), so no per-type branches at the call site.
 */
public final class Sql {
    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /** The first column of the first row as a long: {@code count(*)}, {@code max(…)}; 0 when SQL NULL. */
    public static long count(Connection c, String sql, Object... args) throws SQLException {
        Long value = one(c, sql, rs -> rs.getLong(1), args);
        return value == null ? 0 : value;
    }

    /** The first row mapped, or null when the query finds none. */
    public static <T> T one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row.map(rs) : null;
            }
        }
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Binds {@code args} to parameters 1…n in order, each typed by its value (null: left to the server). */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
