package io.balance.supervision.evidence;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import io.balance.supervision.problem.ProblemView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Evidence files (bytea) and their download audit. */
@ApplicationScoped
public class EvidenceRepository {
    @Inject
    AgroalDataSource dataSource;

    /** A stored file with the county it belongs to (for the access check). */
    public record StoredFile(UUID id, long problemId, String countyCode, String filename, String contentType, long size,
            String sha256, byte[] content) {
    }

    public void insert(UUID id, long problemId, String filename, String contentType, byte[] content, String sha256,
            String uploadedBy, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into evidence (id, problem_id, filename, content_type, size, sha256, content, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setLong(2, problemId);
            ps.setString(3, filename);
            ps.setString(4, contentType);
            ps.setLong(5, content.length);
            ps.setString(6, sha256);
            ps.setBytes(7, content);
            ps.setString(8, uploadedBy);
            ps.setTimestamp(9, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    public List<ProblemView.EvidenceRef> ofProblem(long problemId) throws SQLException {
        List<ProblemView.EvidenceRef> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select id, filename, content_type, size, sha256, uploaded_by, uploaded_at
                        from evidence where problem_id = ? order by uploaded_at, id""")) {
            ps.setLong(1, problemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProblemView.EvidenceRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return out;
    }

    /** Which of {@code ids} are not evidence of the problem (malformed ids included). */
    public List<String> notOfProblem(long problemId, List<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        for (ProblemView.EvidenceRef e : ofProblem(problemId)) {
            known.add(e.id());
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (!known.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    public StoredFile load(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select e.problem_id, p.county_code, e.filename, e.content_type, e.size, e.sha256, e.content
                        from evidence e join problem p on p.id = e.problem_id where e.id = ?""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StoredFile(id, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getBytes(7)) : null;
            }
        }
    }

    public void audit(UUID id, String actor, String role) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into evidence_download (evidence_id, actor, actor_role, at) values (?, ?, ?, now())")) {
            ps.setObject(1, id);
            ps.setString(2, actor);
            ps.setString(3, role);
            ps.executeUpdate();
        }
    }

    public int downloads(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return (int) Sql.count(c, "select count(*) from evidence_download where evidence_id = ?", id);
        }
    }

    /** The evidence file names of each problem of a county, for the exported ledger. */
    public java.util.Map<Long, List<String>> namesByProblem(String county) throws SQLException {
        java.util.Map<Long, List<String>> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select e.problem_id, e.filename from evidence e join problem p on p.id = e.problem_id
                        where p.county_code = ? order by e.uploaded_at, e.id""")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
