package io.balance.supervision.review;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** review_process, review_step and review_snapshot. */
@ApplicationScoped
public class ReviewRepository {
    @Inject
    AgroalDataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The process row as it stands; locked for the rest of the transaction when {@code forUpdate}. */
    public record Process(String countyCode, int year, ReviewStage stage, String status, long revision,
            Instant publishedAt, LocalDate windowCloses, String verdict) {
        public Process next(ReviewStage stage, String status) {
            return new Process(countyCode, year, stage, status, revision + 1, publishedAt, windowCloses, verdict);
        }

        public Process published(Instant at, LocalDate closes) {
            return new Process(countyCode, year, stage, status, revision, at, closes, verdict);
        }

        public Process withVerdict(String v) {
            return new Process(countyCode, year, stage, status, revision, publishedAt, windowCloses, v);
        }
    }

    public Process find(Connection c, String county, int year, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select stage, status, revision, published_at, window_closes, verdict from review_process
                where county_code = ? and year = ?""" + (forUpdate ? " for update" : ""))) {
            ps.setString(1, county);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp published = rs.getTimestamp(4);
                java.sql.Date closes = rs.getDate(5);
                return new Process(county, year, ReviewStage.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        published == null ? null : published.toInstant(), closes == null ? null : closes.toLocalDate(),
                        rs.getString(6));
            }
        }
    }

    /** Creates the process at SELF_EVALUATION if there is none yet (concurrent first calls: one row). */
    public void ensure(Connection c, String county, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into review_process (county_code, year, stage, status, revision, updated_at)
                values (?, ?, 'SELF_EVALUATION', 'OPEN', 0, now()) on conflict do nothing""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            ps.executeUpdate();
        }
    }

    public void save(Connection c, Process p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update review_process set stage = ?, status = ?, revision = ?, published_at = ?, window_closes = ?,
                    verdict = ?, updated_at = now() where county_code = ? and year = ?""")) {
            ps.setString(1, p.stage().name());
            ps.setString(2, p.status());
            ps.setLong(3, p.revision());
            ps.setTimestamp(4, p.publishedAt() == null ? null : Timestamp.from(p.publishedAt()));
            if (p.windowCloses() == null) {
                ps.setNull(5, Types.DATE);
            } else {
                ps.setDate(5, java.sql.Date.valueOf(p.windowCloses()));
            }
            ps.setString(6, p.verdict());
            ps.setString(7, p.countyCode());
            ps.setInt(8, p.year());
            ps.executeUpdate();
        }
    }

    public void addStep(Connection c, String county, int year, ReviewView.Step s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into review_step (county_code, year, at, actor, actor_role, actor_level, action, from_stage,
                    to_stage, comments, snapshot_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            ps.setTimestamp(3, Timestamp.from(s.at()));
            ps.setString(4, s.actor());
            ps.setString(5, s.actorRole());
            ps.setString(6, s.actorLevel());
            ps.setString(7, s.action());
            ps.setString(8, s.from() == null ? null : s.from().name());
            ps.setString(9, s.to().name());
            ps.setString(10, s.comments());
            ps.setObject(11, s.snapshotVersion(), Types.INTEGER);
            ps.executeUpdate();
        }
    }

    public List<ReviewView.Step> steps(Connection c, String county, int year) throws SQLException {
        List<ReviewView.Step> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select at, actor, actor_role, actor_level, action, from_stage, to_stage, comments, snapshot_version
                from review_step where county_code = ? and year = ? order by id""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(6);
                    out.add(new ReviewView.Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), from == null ? null : ReviewStage.valueOf(from),
                            ReviewStage.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, Integer.class)));
                }
            }
        }
        return out;
    }

    public record Snapshot(int version, ReviewStage stage, String digest, String body, Instant at, String takenBy) {
        public ReviewView.SnapshotRef ref() {
            return new ReviewView.SnapshotRef(version, stage, digest, at, takenBy);
        }
    }

    public int nextSnapshotVersion(Connection c, String county, int year) throws SQLException {
        return Sql.one(c, "select coalesce(max(version), 0) + 1 from review_snapshot where county_code = ? and year = ?",
                rs -> rs.getInt(1), county, year);
    }

    public void insertSnapshot(Connection c, String county, int year, Snapshot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into review_snapshot (county_code, year, version, stage, digest, body, taken_at, taken_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            ps.setInt(3, s.version());
            ps.setString(4, s.stage().name());
            ps.setString(5, s.digest());
            ps.setString(6, s.body());
            ps.setTimestamp(7, Timestamp.from(s.at()));
            ps.setString(8, s.takenBy());
            ps.executeUpdate();
        }
    }

    /** Every snapshot, oldest first; with their bodies only when asked. */
    public List<Snapshot> snapshots(Connection c, String county, int year, Integer version) throws SQLException {
        List<Snapshot> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select version, stage, digest, body, taken_at, taken_by from review_snapshot
                where county_code = ? and year = ? and (? is null or version = ?) order by version""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            ps.setObject(3, version, Types.INTEGER);
            ps.setObject(4, version, Types.INTEGER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Snapshot(rs.getInt(1), ReviewStage.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Publications whose objection window closed before {@code today}. */
    public List<Process> closedWindows(Connection c, LocalDate today) throws SQLException {
        List<Process> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select county_code, year from review_process where stage = 'PUBLICATION' and window_closes < ?""")) {
            ps.setDate(1, java.sql.Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Process(rs.getString(1), rs.getInt(2), ReviewStage.PUBLICATION, null, 0, null, null, null));
                }
            }
        }
        return out;
    }
}
