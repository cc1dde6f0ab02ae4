package io.balance.supervision.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.ReportApprovedV1;
import io.balance.contracts.Topics;
import io.balance.kit.consumer.EventHandler;
import io.balance.kit.consumer.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps each school's approved report per year ({@code school.reports.v1}): what inspections compare against. */
@ApplicationScoped
public class ReportIntake implements EventHandler {
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return "supervision-reports";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SCHOOL_REPORTS);
    }

    @Override
    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (ConsumerRecord<String, String> r : batch) {
                ReportApprovedV1 e = inbox.read(r, ReportApprovedV1.class).orElse(null);
                if (e == null || e.school() == null || e.report() == null || !inbox.accept(c, e.eventId(),
                        Topics.SCHOOL_REPORTS, "report:" + e.schoolCode() + ":" + e.year(), e.revision())) {
                    continue;
                }
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
    }
}
