package io.balance.kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.balance.infra.EmbeddedInfra;
import io.balance.infra.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Sql} against the real embedded PostgreSQL: binding by value type, counts, one row or none. */
class SqlTest {
    @Test
    void countsAndReadsOneRowBindingArgumentsByType() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedInfra.postgres();
        pg.ensureDatabase("kit_sql");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kit_sql"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD)) {
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
}
