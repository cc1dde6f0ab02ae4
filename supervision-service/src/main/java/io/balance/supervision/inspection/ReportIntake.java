package io.balance.supervision.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.ReportApprovedV1;
import io.balance.contracts.Topics;
import io.balance.kit.consumer.JdbcEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** Keeps each school's approved report per year ({@code school.reports.v1}): what inspections compare against. */
@ApplicationScoped
public class ReportIntake extends JdbcEventHandler<ReportApprovedV1> {
    @Inject
    ObjectMapper json;

    public ReportIntake() {
        super("supervision-reports", ReportApprovedV1.class, Topics.SCHOOL_REPORTS);
    }

    @Override
    protected Key key(ReportApprovedV1 e) {
        return e.school() == null || e.report() == null ? null
                : new Key(e.eventId(), "report:" + e.schoolCode() + ":" + e.year(), e.revision());
    }

    @Override
    protected void store(Connection c, ReportApprovedV1 e) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into approved_report (school_code, year, county_code, school_name, revision, report)
                values (?, ?, ?, ?, ?, ?::jsonb) on conflict (school_code, year) do update set
                county_code = excluded.county_code, school_name = excluded.school_name,
                revision = excluded.revision, report = excluded.report""")) {
            ps.setString(1, e.schoolCode());
            ps.setInt(2, e.year());
            ps.setString(3, e.school().countyCode());
            ps.setString(4, e.school().name());
            ps.setLong(5, e.revision());
            ps.setString(6, json.writeValueAsString(e.report()));
            ps.executeUpdate();
        }
    }
}
