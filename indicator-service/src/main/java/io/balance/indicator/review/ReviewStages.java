package io.balance.indicator.review;

import io.agroal.api.AgroalDataSource;
import io.balance.contracts.ReviewChangedV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The counties' review stages ({@code county_review_stage}): written by the intake from
 * {@code supervision.reviews.v1} on its connection and transaction, read by the evaluation and roll-up
 * resources. Nothing here touches evaluations, their cache, revisions or outbox.
 */
@ApplicationScoped
public class ReviewStages {
    @Inject
    AgroalDataSource dataSource;

    /**
     * Applies one event unless the stored revision for its county and year is as new or newer (replay-safe;
     * de-duplication on eventId is the caller's). A step that froze no snapshot keeps the latest one.
     *
     * @return whether the stored stage changed
     */
    public boolean apply(Connection c, ReviewChangedV1 e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into county_review_stage (county_code, year, revision, stage, action, verdict,
                    snapshot_version, snapshot_digest, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (county_code, year) do update set revision = excluded.revision, stage = excluded.stage,
                    action = excluded.action, verdict = excluded.verdict,
                    snapshot_version = coalesce(excluded.snapshot_version, county_review_stage.snapshot_version),
                    snapshot_digest = case when excluded.snapshot_version is null
                        then county_review_stage.snapshot_digest else excluded.snapshot_digest end,
                    changed_at = excluded.changed_at
                where county_review_stage.revision < excluded.revision""")) {
            ps.setString(1, e.countyCode());
            ps.setInt(2, e.year());
            ps.setLong(3, e.revision());
            ps.setString(4, e.stage());
            ps.setString(5, e.action());
            ps.setString(6, e.verdict());
            if (e.snapshotVersion() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, e.snapshotVersion());
            }
            ps.setString(8, e.snapshotVersion() == null ? null : e.snapshotDigest());
            ps.setTimestamp(9, Timestamp.from(e.occurredAt() == null ? Instant.now() : e.occurredAt()));
            return ps.executeUpdate() == 1;
        }
    }

    /** The county's stage for the year, null when its process has not started. */
    public CountyReviewStage find(String countyCode, int year) {
        return read("county_code = ? and year = ?", (c, ps) -> {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
        }, YEAR).get(year);
    }

    /** The stages of the given counties for the year, by county code; counties without one are absent. */
    public Map<String, CountyReviewStage> find(Collection<String> countyCodes, int year) {
        return read("year = ? and county_code = any(?)", (c, ps) -> {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", countyCodes.toArray()));
        }, rs -> rs.getString("county_code"));
    }

    /** The county's stage of every year that has one, by year. */
    public Map<Integer, CountyReviewStage> byYear(String countyCode) {
        return read("county_code = ?", (c, ps) -> ps.setString(1, countyCode), YEAR);
    }

    /** Forgets every stage, before the intake replays its topics from the beginning. */
    public static void clear(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("truncate county_review_stage");
        }
    }

    private interface Binder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    private interface Key<K> {
        K of(ResultSet rs) throws SQLException;
    }

    private static final Key<Integer> YEAR = rs -> rs.getInt("year");

    /** The rows matching {@code where}, by {@code key}. */
    private <K> Map<K, CountyReviewStage> read(String where, Binder binder, Key<K> key) {
        Map<K, CountyReviewStage> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select county_code, year, stage, action, verdict, snapshot_version, snapshot_digest, changed_at
                        from county_review_stage where\s""" + where)) {
            binder.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(key.of(rs), row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static CountyReviewStage row(ResultSet rs) throws SQLException {
        int version = rs.getInt("snapshot_version");
        Integer snapshotVersion = rs.wasNull() ? null : version;
        return new CountyReviewStage(rs.getString("stage"), rs.getString("action"), rs.getString("verdict"),
                snapshotVersion, rs.getString("snapshot_digest"), rs.getTimestamp("changed_at").toInstant());
    }
}
