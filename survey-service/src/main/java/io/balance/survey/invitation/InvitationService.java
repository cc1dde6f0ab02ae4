package io.balance.survey.invitation;

import io.balance.kit.jdbc.Sql;
import io.balance.survey.campaign.Access;
import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyRepository;
import io.balance.survey.campaign.SurveyService;
import io.balance.survey.campaign.SurveyStatus;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.caller.Caller;
import io.balance.survey.common.Db;
import io.balance.survey.common.Validation;
import io.balance.survey.config.SurveyConfig;
import io.balance.contracts.Location;
import io.balance.survey.registry.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Issues single-use invitations per school and group within the sample plan's quotas. */
@ApplicationScoped
public class InvitationService {
    @Inject
    Db db;
    @Inject
    SurveyService surveyService;
    @Inject
    SurveyRepository surveys;
    @Inject
    Registry registry;
    @Inject
    Access access;
    @Inject
    CodeSealer sealer;

    @Inject
    SurveyConfig config;

    @Schema(name = "IssueInvitations")
    public record IssueInput(String schoolCode, String group, Integer count) {
    }

    public record Batch(UUID batchId, UUID surveyId, String schoolCode, Location location, Group group, int count,
            Instant createdAt, String createdBy) {
    }

    public record Issued(Batch batch, List<String> codes) {
    }

    public Issued issue(Caller caller, UUID surveyId, IssueInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Survey survey = surveyService.find(surveyId);
        access.requireSupervise(caller, survey.countyCode(), "issuing invitations");
        int maxBatch = config.invitations().maxBatch();
        Validation v = new Validation();
        Group group = Group.parse(in.group());
        if (group == null) {
            v.add("group", "must be one of STUDENT, PARENT, TEACHER, PRINCIPAL, NPC_DEPUTY, CPPCC_MEMBER, PUBLIC");
        }
        if (in.count() == null || in.count() < 1 || in.count() > maxBatch) {
            v.add("count", "must be between 1 and " + maxBatch);
        }
        Registry.School school = null;
        if (in.schoolCode() == null || in.schoolCode().isBlank()) {
            if (group != null && group.schoolBound) {
                v.add("schoolCode", "is required for group " + group);
            }
        } else if (!in.schoolCode().matches("\\d{10}")) {
            v.add("schoolCode", "must be a 10-digit school code");
        } else {
            school = registry.school(in.schoolCode()).filter(s -> s.countyCode().equals(survey.countyCode()))
                    .orElse(null);
            if (school == null) {
                v.add("schoolCode", "is not a registered school of county " + survey.countyCode());
            }
        }
        v.throwIfInvalid();
        Registry.School theSchool = school;
        int count = in.count();
        return db.tx(c -> {
            Survey locked = surveys.find(c, surveyId, true).orElseThrow();
            if (locked.status() == SurveyStatus.CLOSED) {
                throw ProblemException.conflict("survey-closed", "the campaign is closed");
            }
            int planned = locked.plan().byGroup().getOrDefault(group, 0);
            long issued = issued(c, surveyId, "grp = ?", group.name());
            if (issued + count > planned) {
                throw ProblemException.conflict("quota-exceeded", "quota for " + group + " exceeded: " + planned
                        + " planned, " + issued + " already issued, " + count + " requested");
            }
            Location location = theSchool == null ? null : theSchool.location();
            if (group.schoolBound && location != null && !locked.plan().byLocation().isEmpty()) {
                int plannedHere = locked.plan().byLocation().getOrDefault(location, 0);
                long issuedHere = issued(c, surveyId,
                        "location = ? AND grp IN ('STUDENT','PARENT','TEACHER','PRINCIPAL')", location.name());
                if (issuedHere + count > plannedHere) {
                    throw ProblemException.conflict("quota-exceeded", "quota for " + location + " schools exceeded: "
                            + plannedHere + " planned, " + issuedHere + " already issued, " + count + " requested");
                }
            }
            UUID batchId = UUID.randomUUID();
            List<String> codes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                codes.add(Codes.generate());
            }
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO invitation_batch (id, survey_id, school_code, "
                    + "location, grp, count, codes_enc, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setObject(1, batchId);
                ps.setObject(2, surveyId);
                ps.setString(3, theSchool == null ? null : theSchool.schoolCode());
                ps.setString(4, location == null ? null : location.name());
                ps.setString(5, group.name());
                ps.setInt(6, count);
                ps.setBytes(7, sealer.seal(codes, aad(batchId)));
                ps.setString(8, caller.name());
                ps.setTimestamp(9, java.sql.Timestamp.from(now));
                ps.executeUpdate();
            }
            String schoolCode = theSchool == null ? null : theSchool.schoolCode();
            Sql.batch(c, "INSERT INTO invitation (code_hash, survey_id, batch_id, school_code, location, grp) "
                    + "VALUES (?,?,?,?,?,?)", codes, (code, i) -> new Object[] {Codes.hash(code), surveyId, batchId,
                    schoolCode, location == null ? null : location.name(), group.name()});
            return new Issued(new Batch(batchId, surveyId, theSchool == null ? null : theSchool.schoolCode(), location,
                    group, count, now, caller.name()), codes);
        });
    }

    private static long issued(Connection c, UUID surveyId, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(sum(count), 0) FROM invitation_batch WHERE survey_id = ? AND " + where)) {
            ps.setObject(1, surveyId);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The batches of a campaign, for the supervising level only (404 for everyone else). */
    public List<Batch> batches(Caller caller, UUID surveyId) {
        Survey survey = surveyService.find(surveyId);
        access.requireCodes(caller, survey.countyCode());
        return db.auto(c -> {
            List<Batch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, school_code, location, grp, count, created_at, "
                    + "created_by FROM invitation_batch WHERE survey_id = ? ORDER BY created_at, id")) {
                ps.setObject(1, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Batch(rs.getObject(1, UUID.class), surveyId, rs.getString(2),
                                Location.parse(rs.getString(3)), Group.valueOf(rs.getString(4)), rs.getInt(5),
                                rs.getTimestamp(6).toInstant(), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The QR image of one invitation, named by its batch and position so that no code is ever part of a URL
     * (URLs end up in access logs, metrics and browser histories).
     */
    public byte[] qr(Caller caller, UUID surveyId, UUID batchId, int index, int size) {
        List<String> codes = codes(caller, surveyId, batchId).codes();
        if (index < 0 || index >= codes.size()) {
            throw ProblemException.notFound("no such invitation in this batch");
        }
        return QrCodes.png(link(codes.get(index)), Math.max(120, Math.min(size, 1200)));
    }

    /** The printable sheet of one batch, for the supervising level only. */
    public byte[] sheet(Caller caller, UUID surveyId, UUID batchId) {
        Sealed row = codes(caller, surveyId, batchId);
        Survey survey = row.survey();
        Group group = Group.valueOf(row.group());
        String schoolName = row.school() == null ? null
                : registry.school(row.school()).map(Registry.School::name).orElse(null);
        List<SlipSheet.Slip> slips = row.codes().stream().map(code -> new SlipSheet.Slip(link(code), code)).toList();
        return SlipSheet.pdf(slips, new SlipSheet.Heading(survey.countyCode(), survey.year(), group.name(), group.zh,
                row.school(), schoolName), config.pdf().cjkFonts());
    }

    private record Sealed(Survey survey, String school, String group, List<String> codes) {
    }

    /** A batch's codes, unsealed for the supervising level; 404 for everyone else. */
    private Sealed codes(Caller caller, UUID surveyId, UUID batchId) {
        Survey survey = surveyService.find(surveyId);
        access.requireCodes(caller, survey.countyCode());
        record Row(String school, String group, byte[] sealed) {
        }
        Row row = db.auto(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT school_code, grp, codes_enc FROM invitation_batch WHERE id = ? AND survey_id = ?")) {
                ps.setObject(1, batchId);
                ps.setObject(2, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)) : null;
                }
            }
        });
        if (row == null) {
            throw ProblemException.notFound("no such invitation batch in this survey");
        }
        return new Sealed(survey, row.school(), row.group(), sealer.open(row.sealed(), aad(batchId)));
    }

    public String link(String code) {
        String publicUrl = config.publicUrl();
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/s/" + code;
    }

    private static byte[] aad(UUID batchId) {
        return ByteBuffer.allocate(16).putLong(batchId.getMostSignificantBits())
                .putLong(batchId.getLeastSignificantBits()).array();
    }
}
