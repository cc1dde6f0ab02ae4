package io.balance.school.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A bulk import of one county's reports for one year, with its progress and the rejected rows. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {
    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;
    @Column(name = "county_code")
    public String countyCode;
    public int year;
    public String format;
    public boolean submit;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "processed_rows")
    public int processedRows;
    @Column(name = "accepted_rows")
    public int acceptedRows;
    @Column(name = "rejected_rows")
    public int rejectedRows;
    /** JSON array of {@link ImportJobView.RowError}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "row_errors")
    public String rowErrors;
    public String failure;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The instance running the job (ImportRecovery); null when nobody does. */
    @Column(name = "claimed_by")
    public String claimedBy;
    /** Renewed while the job runs; a stale heartbeat lets another instance resume the job. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
}
