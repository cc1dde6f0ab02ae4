package io.balance.supervision.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.EvaluationDetailsV1;
import io.balance.supervision.common.SupervisionConfig;
import io.balance.supervision.target.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The latest evaluation per county, year and rule set ({@code evaluation_state}), and which rule set a ledger follows. */
@ApplicationScoped
public class EvaluationStates {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    SupervisionConfig config;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    void store(Connection c, EvaluationChangedV1 e) throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into evaluation_state (county_code, year, rule_set, revision, verdict, missing_inputs, details, received_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, now())
                on conflict (county_code, year, rule_set) do update set revision = excluded.revision,
                    verdict = excluded.verdict, missing_inputs = excluded.missing_inputs, details = excluded.details,
                    received_at = excluded.received_at""")) {
            ps.setString(1, e.countyCode());
            ps.setInt(2, e.year());
            ps.setString(3, e.ruleSet());
            ps.setLong(4, e.revision());
            ps.setString(5, e.verdict());
            ps.setString(6, json.writeValueAsString(e.missingInputs()));
            ps.setString(7, e.details() == null ? null : json.writeValueAsString(e.details()));
            ps.executeUpdate();
        }
    }

    /** The rule set of the county's plan, else the configured default. */
    public String ledgerRuleSet(Connection c, String county) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select rule_set from county_plan where county_code = ?")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : config.ledger().defaultRuleSet();
            }
        }
    }

    public String ledgerRuleSet(String county) {
        try (Connection c = connection()) {
            return ledgerRuleSet(c, county);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every year's latest evaluation of the county under a rule set. */
    public Map<Integer, Progress.YearEvaluation> years(String county, String ruleSet) {
        Map<Integer, Progress.YearEvaluation> out = new LinkedHashMap<>();
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("""
                        select year, verdict, details::text from evaluation_state
                        where county_code = ? and rule_set = ? order by year""")) {
            ps.setString(1, county);
            ps.setString(2, ruleSet);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String details = rs.getString(3);
                    out.put(rs.getInt(1), new Progress.YearEvaluation(rs.getString(2),
                            details == null ? null : json.readValue(details, EvaluationDetailsV1.class)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
