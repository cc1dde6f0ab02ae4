package io.balance.supervision.publication;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.problem.ProblemView;
import io.balance.supervision.problem.Source;
import io.balance.supervision.review.LedgerEntries;
import io.balance.supervision.review.ReviewConfig;
import io.balance.supervision.review.ReviewRepository;
import io.balance.supervision.review.ReviewStage;
import io.balance.supervision.common.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Public objections (公示异议): taken only while the window is open, at most N an hour per source address
 * (counted in PostgreSQL, so every replica counts together; the address is kept only as an HMAC), each one an
 * OBJECTION problem in the ledger; the province upholds or dismisses each.
 */
@ApplicationScoped
public class Objections {
    @Inject
    ReviewRepository reviews;
    @Inject
    LedgerEntries ledger;
    @Inject
    ReviewConfig config;
    @Inject
    Today today;

    public record Tally(int pending, int upheld, int dismissed) {
    }

    public record Received(long id, long problemId, Instant receivedAt) {
    }

    public record ObjectionView(long id, String text, String contact, Instant receivedAt, Long problemId,
            String decision, String decidedBy, Instant decidedAt, String reason) {
    }

    @Transactional
    public Received lodge(String county, int year, String text, String contact, String sourceAddress) throws SQLException {
        try (Connection c = reviews.connection()) {
            ReviewRepository.Process p = reviews.find(c, county, year, false);
            if (p == null || p.stage().ordinal() < ReviewStage.PUBLICATION.ordinal()) {
                throw ProblemException.notFound("no publication for county " + county + " " + year);
            }
            if (p.stage() != ReviewStage.PUBLICATION || today.date().isAfter(p.windowCloses())) {
                throw ProblemException.conflict("window-closed", "the objection window of county " + county + " " + year
                        + " closed on " + p.windowCloses());
            }
            takeQuota(c, hmac(c, sourceAddress));
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into objection (county_code, year, text, contact, received_at) values (?, ?, ?, ?, ?)
                    returning id""")) {
                ps.setString(1, county);
                ps.setInt(2, year);
                ps.setString(3, text);
                ps.setString(4, contact);
                ps.setTimestamp(5, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            String title = "公示异议 #" + id + ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
            ProblemView problem = ledger.add(c, new LedgerEntries.Entry(Source.OBJECTION, year + "/OBJECTION/" + id,
                    county, year, null, null, null, title, null), "public", "PUBLIC", null);
            try (PreparedStatement ps = c.prepareStatement("update objection set problem_id = ? where id = ?")) {
                ps.setLong(1, problem.id());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return new Received(id, problem.id(), now);
        }
    }

    /** The province rules on one objection: UPHELD sends the county back to the province's evaluation at close. */
    @Transactional
    public ObjectionView decide(String county, int year, long id, boolean upheld, String reason, String actor)
            throws SQLException {
        try (Connection c = reviews.connection();
                PreparedStatement ps = c.prepareStatement("""
                        update objection set decision = ?, decided_by = ?, decided_at = now(), reason = ?
                        where id = ? and county_code = ? and year = ? and decision = 'PENDING'""")) {
            ps.setString(1, upheld ? "UPHELD" : "DISMISSED");
            ps.setString(2, actor);
            ps.setString(3, reason);
            ps.setLong(4, id);
            ps.setString(5, county);
            ps.setInt(6, year);
            if (ps.executeUpdate() == 0) {
                boolean exists = list(c, county, year).stream().anyMatch(o -> o.id() == id);
                throw exists ? ProblemException.conflict("already-decided", "objection " + id + " is already decided")
                        : ProblemException.notFound("no objection " + id + " for county " + county + " " + year);
            }
            return list(c, county, year).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
        }
    }

    public List<ObjectionView> list(String county, int year) throws SQLException {
        try (Connection c = reviews.connection()) {
            return list(c, county, year);
        }
    }

    private List<ObjectionView> list(Connection c, String county, int year) throws SQLException {
        List<ObjectionView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, text, contact, received_at, problem_id, decision, decided_by, decided_at, reason
                from objection where county_code = ? and year = ? order by id""")) {
            ps.setString(1, county);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long problemId = rs.getObject(5, Long.class);
                    Timestamp decided = rs.getTimestamp(8);
                    out.add(new ObjectionView(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), problemId, rs.getString(6), rs.getString(7),
                            decided == null ? null : decided.toInstant(), rs.getString(9)));
                }
            }
        }
        return out;
    }

    public Tally tally(Connection c, String county, int year) throws SQLException {
        int pending = 0;
        int upheld = 0;
        int dismissed = 0;
        for (ObjectionView o : list(c, county, year)) {
            switch (o.decision()) {
                case "UPHELD" -> upheld++;
                case "DISMISSED" -> dismissed++;
                default -> pending++;
            }
        }
        return new Tally(pending, upheld, dismissed);
    }

    private void takeQuota(Connection c, String source) throws SQLException {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into objection_quota (source_hash, hour, taken) values (?, ?, 1)
                on conflict (source_hash, hour) do update set taken = objection_quota.taken + 1
                returning taken""")) {
            ps.setString(1, source);
            ps.setTimestamp(2, Timestamp.from(hour));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > config.objectionsPerHour()) {
                    int retry = (int) Math.max(1, ChronoUnit.SECONDS.between(Instant.now(), hour.plus(1, ChronoUnit.HOURS)));
                    throw ProblemException.tooManyRequests("at most " + config.objectionsPerHour()
                            + " objections an hour are taken from one address", retry);
                }
            }
        }
    }

    private static String hmac(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select value from review_secret where name = 'objection-source'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rs.getBytes(1), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
