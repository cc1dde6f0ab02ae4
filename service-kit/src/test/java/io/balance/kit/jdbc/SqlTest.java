package io.balance.kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Sql} against the real embedded PostgreSQL: binding by value type, counts, one row or none, batches. */
class SqlTest {
    static Connection connection() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedInfra.postgres();
        pg.ensureDatabase("kit_sql");
        return DriverManager.getConnection(pg.jdbcUrl("kit_sql"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    @Test
    void countsAndReadsOneRowBindingArgumentsByType() throws Exception {
        try (Connection c = connection()) {
            c.createStatement().execute("drop table if exists t; create table t (id uuid, county text, year int, n bigint)");
            UUID id = UUID.randomUUID();
            c.createStatement().execute("insert into t values ('" + id + "', '360702', 2025, 7), (gen_random_uuid(), '360702', 2024, null)");

            assertEquals(2, Sql.count(c, "select count(*) from t where county = ?", "360702"));
            assertEquals(1, Sql.count(c, "select count(*) from t where id = ?", id));
            assertEquals(0, Sql.count(c, "select max(n) from t where year = ?", 2024), "SQL NULL reads as 0");
            assertEquals(Long.valueOf(7), Sql.<Long>one(c, "select n from t where county = ? and year = ?", rs -> rs.getObject(1, Long.class),
                    "360702", 2025));
            assertNull(Sql.one(c, "select n from t where county = ? and year = ?", rs -> rs.getObject(1, Long.class),
                    "360702", 2024), "a NULL value");
            assertNull(Sql.one(c, "select n from t where county = ? and year = ?", rs -> rs.getLong(1), "360702", 1999),
                    "no row");
            assertEquals(2, Sql.update(c, "update t set n = ? where county = ?", 9L, "360702"), "rows changed");
            assertEquals(0, Sql.update(c, "update t set n = ? where county = ?", null, "000000"), "a null argument, no row");
            assertEquals(18, Sql.count(c, "select sum(n) from t"));
        }
    }

    @Test
    void writesAListAsBatchesWithEachRowsPositionAcrossRoundTrips() throws Exception {
        try (Connection c = connection()) {
            c.createStatement().execute("drop table if exists b; create table b (position int primary key, "
                    + "name text, due date, amount numeric, tags text[])");
            String insert = "insert into b (position, name, due, amount, tags) values (?, ?, ?, ?, ?)";
            assertEquals(0, Sql.batch(c, insert, List.<String>of(), (n, i) -> new Object[] {i, n, null, null, null}),
                    "an empty list writes nothing");

            // one more than two round trips, so the last, partial batch is sent too
            List<String> names = IntStream.range(0, 2 * Sql.BATCH_SIZE + 1).mapToObj(i -> "项目" + i).toList();
            assertEquals(names.size(), Sql.batch(c, insert, names, (n, i) -> new Object[] {i, n,
                    LocalDate.of(2026, 12, 1).plusDays(i % 30), new BigDecimal("1.25").multiply(BigDecimal.valueOf(i)),
                    c.createArrayOf("text", new Object[] {"a", n})}));

            assertEquals(names.size(), Sql.count(c, "select count(*) from b"));
            assertEquals("项目2000", Sql.one(c, "select name from b where position = ?", rs -> rs.getString(1), 2000));
            assertEquals(LocalDate.of(2026, 12, 21), Sql.one(c, "select due from b where position = ?",
                    rs -> rs.getObject(1, LocalDate.class), 2000));
            assertEquals(0, new BigDecimal("2500.00").compareTo(Sql.one(c, "select amount from b where position = ?",
                    rs -> rs.getBigDecimal(1), 2000)));
            assertEquals("项目7", Sql.one(c, "select tags[2] from b where position = ?", rs -> rs.getString(1), 7));
        }
    }
}
