package io.balance.school.report;

import io.balance.contracts.AnnualReportV1;
import io.balance.school.common.Json;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One revision of a school's annual report for one school year. Revisions are never deleted: a change after
 * approval starts the next revision, and the latest approved revision is the one that counts.
 */
@Entity
@Table(name = "report_revision")
public class ReportRevision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_revision_seq")
    @SequenceGenerator(name = "report_revision_seq", sequenceName = "report_revision_seq", allocationSize = 50)
    public Long id;
    @Column(name = "school_code")
    public String schoolCode;
    public int year;
    public int revision;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public String body;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;

    public AnnualReportV1 report() {
        return Json.read(body, AnnualReportV1.class);
    }

    public static ReportRevision latest(String schoolCode, int year) {
        return find("schoolCode = ?1 and year = ?2 order by revision desc", schoolCode, year).firstResult();
    }

    public static ReportRevision latestApproved(String schoolCode, int year) {
        return find("schoolCode = ?1 and year = ?2 and status = ?3 order by revision desc", schoolCode, year,
                ReportStatus.APPROVED).firstResult();
    }

    public static List<ReportRevision> all(String schoolCode, int year) {
        return list("schoolCode = ?1 and year = ?2 order by revision", schoolCode, year);
    }
}
