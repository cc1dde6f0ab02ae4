package io.balance.kit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The plain-JDBC steps every service repeated: bind the arguments, run, read one number or one row, write a list
 * of rows as one batch. Arguments are
 * bound with {@link PreparedStatement#setObject(int, Object)}, which the PostgreSQL driver types from the value
 * (String, Integer, Long, UUID, …), so no per-type branches at the call site.
 */
public final class Sql {
    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The parameters of one row of a batch; {@code index} counts the rows from 0 (a position column). */
    @FunctionalInterface
    public interface Args<T> {
        Object[] of(T row, int index) throws SQLException;
    }

    /** Rows sent to the server per round trip by {@link #batch}. */
    static final int BATCH_SIZE = 1000;

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

    /**
     * Runs {@code sql} once per row as a JDBC batch ({@value #BATCH_SIZE} rows a round trip); returns the rows
     * given. Nothing is prepared for an empty list.
     */
    public static <T> int batch(Connection c, String sql, List<T> rows, Args<T> args) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                bind(ps, args.of(rows.get(i), i));
                ps.addBatch();
                if ((i + 1) % BATCH_SIZE == 0) {
                    ps.executeBatch();
                }
            }
            if (rows.size() % BATCH_SIZE != 0) {
                ps.executeBatch();
            }
        }
        return rows.size();
    }

    /** Binds {@code args} to parameters 1…n in order, each typed by its value (null: left to the server). */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
