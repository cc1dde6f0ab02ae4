package io.balance.school.report;

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

/** One entry of a report's audit trail: who did what to which revision, and when. Never changed. */
@Entity
@Table(name = "report_transition")
public class ReportTransition extends PanacheEntityBase {
    public enum Action { CREATED, UPDATED, REVISION_STARTED, SUBMITTED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_transition_seq")
    @SequenceGenerator(name = "report_transition_seq", sequenceName = "report_transition_seq", allocationSize = 50)
    public Long id;
    @Column(name = "school_code")
    public String schoolCode;
    public int year;
    public int revision;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReportStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReportStatus toStatus;
    public String actor;
    public Instant at;
    public String reason;
    /** "api" or "import:&lt;job id&gt;". */
    public String source;
}
