package io.balance.indicator.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import io.balance.kit.problem.ProblemException;
import io.balance.indicator.evaluation.CountyInputsRepository;
import io.balance.indicator.evaluation.EvaluationService;
import io.balance.indicator.intake.ReadModel;
import io.balance.indicator.ruleset.RuleSetValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Stores a county's findings for a year (a new version each time) and re-evaluates it in the same transaction. */
@ApplicationScoped
public class FindingsService {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    EvaluationService evaluations;

    @Transactional
    public StoredFindings put(String countyCode, int year, Findings findings, String user) {
        var errors = FindingsValidator.validate(findings);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into county_finding (county_code, year, version, document, updated_by, updated_at)
                    values (?, ?, 1, ?::jsonb, ?, now())
                    on conflict (county_code, year) do update set version = county_finding.version + 1,
                        document = excluded.document, updated_by = excluded.updated_by, updated_at = now()""")) {
                ps.setString(1, countyCode);
                ps.setInt(2, year);
                ps.setString(3, json.writeValueAsString(findings));
                ps.setString(4, user);
                ps.executeUpdate();
            }
            ReadModel.bump(c, countyCode);
            // later years compare their funding figures with this year's (三个增长, 两个只增不减)
            List<ReadModel.Affected> affected = new ArrayList<>();
            for (int y : CountyInputsRepository.years(c, countyCode)) {
                if (y >= year && y <= year + RuleSetValidator.MAX_GROWTH_YEARS) {
                    affected.add(new ReadModel.Affected(countyCode, y));
                }
            }
            evaluations.recompute(c, affected);
            return get(c, countyCode, year);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public StoredFindings get(String countyCode, int year) {
        try (Connection c = dataSource.getConnection()) {
            return get(c, countyCode, year);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredFindings get(Connection c, String countyCode, int year) throws SQLException {
        return Sql.one(c, "select version, document, updated_by, updated_at from county_finding"
                + " where county_code = ? and year = ?", rs -> new StoredFindings(countyCode, year, rs.getInt(1),
                rs.getString(3), rs.getTimestamp(4).toInstant(), findings(rs.getString(2))), countyCode, year);
    }

    private Findings findings(String document) {
        try {
            return json.readValue(document, Findings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
