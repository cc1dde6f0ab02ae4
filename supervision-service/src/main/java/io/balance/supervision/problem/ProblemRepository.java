package io.balance.supervision.problem;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger's SQL (problem, problem_history). Runs on the caller's JTA transaction. */
@ApplicationScoped
public class ProblemRepository {
    static final String COLUMNS = """
            id, problem_key, source, county_code, year, rule_set, school_code, school_name, stage, ref, title, hint,
            gap_unit, gap_amount, department, owner, deadline, status, data_status, revision, created_at, updated_at""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Filters of a ledger page; null means any. */
    public record Filter(Integer year, ProblemStatus status, String department, String schoolCode, Source source,
            Boolean overdue) {
    }

    public ProblemPage list(String county, Filter f, int page, int size, LocalDate today) throws SQLException {
        StringBuilder where = new StringBuilder(" where county_code = ?");
        List<Object> args = new ArrayList<>(List.of(county));
        if (f.year() != null) {
            where.append(" and year = ?");
            args.add(f.year());
        }
        if (f.status() != null) {
            where.append(" and status = ?");
            args.add(f.status().name());
        }
        if (f.department() != null) {
            where.append(" and department = ?");
            args.add(f.department());
        }
        if (f.schoolCode() != null) {
            where.append(" and school_code = ?");
            args.add(f.schoolCode());
        }
        if (f.source() != null) {
            where.append(" and source = ?");
            args.add(f.source().name());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and" : " and not");
            where.append(" coalesce(deadline < ? and status not in ('RECTIFIED', 'VERIFIED'), false)");
            args.add(Date.valueOf(today));
        }
        try (Connection c = connection()) {
            long total = Sql.count(c, "select count(*) from problem" + where, args.toArray());
            List<ProblemView> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + COLUMNS + " from problem" + where + " order by year desc, id limit ? offset ?")) {
                List<Object> paged = new ArrayList<>(args);
                paged.add(size);
                paged.add((long) page * size);
                Sql.bind(ps, paged.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs, today));
                    }
                }
            }
            return new ProblemPage(items, page, size, total);
        }
    }

    /** Every problem of a county (and year), in ledger order, for the export. */
    public List<ProblemView> all(String county, Integer year, LocalDate today) throws SQLException {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                        + " from problem where county_code = ? and (?::int is null or year = ?) order by year, id")) {
            ps.setString(1, county);
            ps.setObject(2, year, Types.INTEGER);
            ps.setObject(3, year, Types.INTEGER);
            List<ProblemView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs, today));
                }
            }
            return out;
        }
    }

    public ProblemView find(long id, boolean forUpdate, LocalDate today) throws SQLException {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(
                        "select " + COLUMNS + " from problem where id = ?" + (forUpdate ? " for update" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs, today) : null;
            }
        }
    }

    /** The automatic problems of one evaluation (county, year, rule set), by key, locked for the update. */
    public Map<String, ProblemView> automatic(Connection c, String county, int year, String ruleSet, LocalDate today)
            throws SQLException {
        Map<String, ProblemView> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from problem where county_code = ?"
                + " and year = ? and rule_set = ? and source = 'EVALUATION' for update")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            ps.setString(3, ruleSet);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ProblemView p = map(rs, today);
                    out.put(p.key(), p);
                }
            }
        }
        return out;
    }

    /** {@code n} fresh ids, so that a batch of inserts needs no generated-key round trips. */
    public long[] nextIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval('problem_id_seq') from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /**
     * Inserts problems in one statement: each column as one array parameter, {@code unnest}ed by PostgreSQL
     * (a 500-school ledger is ~1,500 rows; one plan and no per-row parameters, cheaper than a JDBC batch).
     */
    public void insert(Connection c, List<ProblemView> problems) throws SQLException {
        if (problems.isEmpty()) {
            return;
        }
        int n = problems.size();
        String[][] col = new String[22][n];
        for (int r = 0; r < n; r++) {
            ProblemView p = problems.get(r);
            Object[] v = {p.id(), p.key(), p.source().name(), p.countyCode(), p.year(), p.ruleSet(), p.schoolCode(),
                p.schoolName(), p.stage(), p.ref(), p.title(), p.hint(), p.gap() == null ? null : p.gap().unit(),
                p.gap() == null ? null : p.gap().amount(), p.department(), p.owner(),
                p.deadline() == null ? null : p.deadline().toString(), p.status().name(),
                p.dataStatus() == null ? null : p.dataStatus().name(), p.revision(), p.createdAt().toString(),
                p.updatedAt().toString()};
            for (int k = 0; k < v.length; k++) {
                col[k][r] = text(v[k]);
            }
        }
        String[] casts = {"bigint[]", "varchar[]", "varchar[]", "varchar[]", "int[]", "varchar[]", "varchar[]",
            "varchar[]", "varchar[]", "varchar[]", "text[]", "text[]", "varchar[]", "numeric[]", "varchar[]",
            "varchar[]", "date[]", "varchar[]", "varchar[]", "bigint[]", "timestamptz[]", "timestamptz[]"};
        unnestInsert(c, "problem (" + COLUMNS + ")", casts, col);
    }

    /** Every value goes as text in a text[] parameter and is cast to the column's type by PostgreSQL. */
    private static void unnestInsert(Connection c, String into, String[] casts, String[][] columns) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into ").append(into).append(" select * from unnest(");
        for (int k = 0; k < casts.length; k++) {
            sql.append(k == 0 ? "" : ", ").append("?::").append(casts[k]);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.append(")").toString())) {
            for (int k = 0; k < columns.length; k++) {
                ps.setArray(k + 1, c.createArrayOf("text", columns[k]));
            }
            ps.executeUpdate();
        }
    }

    /**
     * Writes the changeable fields of each problem (its new state) and bumps nothing itself: revision is given.
     * One statement for all of them (arrays {@code unnest}ed, as {@link #insert}): a revision may change every
     * problem of a county (all met, all reopened).
     */
    public void update(Connection c, List<ProblemView> problems) throws SQLException {
        if (problems.isEmpty()) {
            return;
        }
        int n = problems.size();
        String[][] col = new String[13][n];
        for (int r = 0; r < n; r++) {
            ProblemView p = problems.get(r);
            Object[] v = {p.id(), p.title(), p.hint(), p.gap() == null ? null : p.gap().unit(),
                p.gap() == null ? null : p.gap().amount(), p.department(), p.owner(), p.deadline(), p.status().name(),
                p.dataStatus() == null ? null : p.dataStatus().name(), p.revision(), p.updatedAt(), p.schoolName()};
            for (int k = 0; k < v.length; k++) {
                col[k][r] = text(v[k]);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update problem p set title = u.title, hint = u.hint, gap_unit = u.gap_unit, gap_amount = u.gap_amount,
                    department = u.department, owner = u.owner, deadline = u.deadline, status = u.status,
                    data_status = u.data_status, revision = u.revision, updated_at = u.updated_at, school_name = u.school_name
                from unnest(?::bigint[], ?::text[], ?::text[], ?::varchar[], ?::numeric[], ?::varchar[], ?::varchar[],
                    ?::date[], ?::varchar[], ?::varchar[], ?::bigint[], ?::timestamptz[], ?::varchar[])
                    as u(id, title, hint, gap_unit, gap_amount, department, owner, deadline, status, data_status, revision,
                        updated_at, school_name)
                where p.id = u.id""")) {
            for (int k = 0; k < col.length; k++) {
                ps.setArray(k + 1, c.createArrayOf("text", col[k]));
            }
            ps.executeUpdate();
        }
    }

    public record NewHistory(long problemId, ProblemView.HistoryEntry entry) {
    }

    /** History rows in one statement (arrays {@code unnest}ed, as {@link #insert}). */
    public void addHistory(Connection c, List<NewHistory> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[][] col = new String[9][n];
        for (int r = 0; r < n; r++) {
            ProblemView.HistoryEntry e = entries.get(r).entry();
            Object[] v = {entries.get(r).problemId(), e.at().toString(), e.actor(), e.actorRole(), e.action(),
                e.from() == null ? null : e.from().name(), e.to() == null ? null : e.to().name(), e.note(),
                e.changes() == null ? null : write(e.changes())};
            for (int k = 0; k < v.length; k++) {
                col[k][r] = text(v[k]);
            }
        }
        unnestInsert(c, "problem_history (problem_id, at, actor, actor_role, action, from_status, to_status, note, changes)",
                new String[] {"bigint[]", "timestamptz[]", "varchar[]", "varchar[]", "varchar[]", "varchar[]", "varchar[]",
                    "text[]", "jsonb[]"}, col);
    }

    public List<ProblemView.HistoryEntry> history(long problemId) throws SQLException {
        List<ProblemView.HistoryEntry> out = new ArrayList<>();
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("""
                        select at, actor, actor_role, action, from_status, to_status, note, changes::text
                        from problem_history where problem_id = ? order by id""")) {
            ps.setLong(1, problemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(5);
                    String to = rs.getString(6);
                    String changes = rs.getString(8);
                    out.add(new ProblemView.HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4), from == null ? null : ProblemStatus.valueOf(from),
                            to == null ? null : ProblemStatus.valueOf(to), rs.getString(7),
                            changes == null ? null : read(changes)));
                }
            }
        }
        return out;
    }

    private String write(Map<String, String> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String changes) {
        try {
            return json.readValue(changes, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    static ProblemView map(ResultSet rs, LocalDate today) throws SQLException {
        String unit = rs.getString("gap_unit");
        BigDecimal amount = rs.getBigDecimal("gap_amount");
        Date deadline = rs.getDate("deadline");
        LocalDate due = deadline == null ? null : deadline.toLocalDate();
        ProblemStatus status = ProblemStatus.valueOf(rs.getString("status"));
        String data = rs.getString("data_status");
        return new ProblemView(rs.getLong("id"), rs.getString("problem_key"), Source.valueOf(rs.getString("source")),
                rs.getString("county_code"), rs.getInt("year"), rs.getString("rule_set"), rs.getString("school_code"),
                rs.getString("school_name"), rs.getString("stage"), rs.getString("ref"), rs.getString("title"),
                rs.getString("hint"), unit == null && amount == null ? null
                        : new Gap(unit, io.balance.supervision.common.Decimals.plain(amount)),
                rs.getString("department"), rs.getString("owner"), due, status,
                data == null ? null : DataStatus.valueOf(data), overdue(due, status, today), rs.getLong("revision"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), null, null);
    }

    public static boolean overdue(LocalDate deadline, ProblemStatus status, LocalDate today) {
        return deadline != null && deadline.isBefore(today) && !status.settled();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
