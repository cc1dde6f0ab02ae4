package io.balance.school.importing;

import io.balance.kit.jdbc.Sql;
import io.balance.school.common.Json;
import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The parsed rows of an unfinished import job, kept in the database so that another instance can resume the job
 * after a restart (the upload itself is gone by then). Written with the job, deleted when it ends.
 */
final class ImportJobRows {
    private ImportJobRows() {
    }

    /** In the current transaction. */
    static void save(UUID jobId, List<ImportRow> rows) {
        session().doWork(c -> Sql.batch(c,
                "insert into import_job_row (job_id, position, row_number, payload) values (?, ?, ?, ?)", rows,
                (row, position) -> new Object[] {jobId, position, row.row(),
                        row.node() == null ? null : Json.write(row.node())}));
    }

    /** In the current transaction; in upload order. */
    static List<ImportRow> load(UUID jobId) {
        List<ImportRow> rows = new ArrayList<>();
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select row_number, payload from import_job_row where job_id = ? order by position")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String payload = rs.getString(2);
                        rows.add(new ImportRow(rs.getInt(1), payload == null ? null : Json.parse(payload)));
                    }
                }
            }
        });
        return rows;
    }

    /** In the current transaction: the job has ended, its input is no longer needed. */
    static void delete(UUID jobId) {
        session().doWork(c -> Sql.update(c, "delete from import_job_row where job_id = ?", jobId));
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}
