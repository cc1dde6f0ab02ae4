package io.balance.indicator.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.JurisdictionScope;
import io.balance.indicator.common.Caller;
import io.balance.indicator.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule sets are versioned rows (code, version) holding a JSON document. The latest version of every set is
 * cached; the cache reloads whenever the number of stored versions changes (cheap to check, correct with
 * several replicas).
 */
@ApplicationScoped
public class RuleSetService {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    /** The national set a county is judged by unless a more specific one applies or another is requested. */
    public static final String NATIONAL_DEFAULT = "QUALITY_2017";

    private volatile Map<String, RuleSet> latest = Map.of();
    private volatile long stamp = -1;

    /** The latest version of every set, by code. */
    public Map<String, RuleSet> all() {
        try (Connection c = dataSource.getConnection()) {
            return all(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, RuleSet> all(Connection c) throws SQLException {
        long count;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from rule_set"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
        }
        if (count != stamp) {
            synchronized (this) {
                Map<String, RuleSet> sets = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "select distinct on (code) code, version, document from rule_set order by code, version desc");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sets.put(rs.getString(1), parse(rs.getString(3), rs.getInt(2)));
                    }
                }
                latest = sets;
                stamp = count;
            }
        }
        return latest;
    }

    /** The sets that apply to a county: national ones and those of its province or city. */
    public List<RuleSet> applicable(Connection c, String countyCode) throws SQLException {
        List<RuleSet> out = new ArrayList<>();
        for (RuleSet rs : all(c).values()) {
            if (appliesTo(rs, countyCode)) {
                out.add(rs);
            }
        }
        return out;
    }

    public static boolean appliesTo(RuleSet rs, String countyCode) {
        return rs.jurisdictionCode() == null || JurisdictionScope.covers(rs.jurisdictionCode(), countyCode);
    }

    /** The set named by {@code ?ruleSet=} for a county, or its default; a 400 naming {@code ruleSet} when unknown. */
    public RuleSet forCounty(String code, String countyCode) {
        return choose(code, countyCode).rules();
    }

    /**
     * The set named by {@code ?ruleSet=}, or by default the most specific set derived from the national
     * {@value #NATIONAL_DEFAULT} that applies to the jurisdiction (a city's over its province's over the
     * national one), with the reason; a 400 naming {@code ruleSet} when the named set is unknown or foreign.
     *
     * @param jurisdictionCode the county evaluated, or the city or province of a roll-up
     */
    public RuleSetChoice.Chosen choose(String code, String jurisdictionCode) {
        Map<String, RuleSet> sets = all();
        if (code == null || code.isBlank()) {
            return RuleSetDefaults.choose(sets, NATIONAL_DEFAULT, jurisdictionCode);
        }
        RuleSet rs = sets.get(code);
        if (rs == null) {
            throw ProblemException.invalid("ruleSet", "unknown rule set " + code + "; known: " + sets.keySet());
        }
        if (jurisdictionCode != null && !appliesTo(rs, jurisdictionCode)) {
            throw ProblemException.invalid("ruleSet", code + " applies to " + rs.jurisdictionCode() + " only");
        }
        return new RuleSetChoice.Chosen(rs, new RuleSetChoice(code, code, "requested"));
    }

    public RuleSet version(String code, int version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select document from rule_set where code = ? and version = ?")) {
            ps.setString(1, code);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? parse(rs.getString(1), version) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> versions(String code) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select version, name, based_on, jurisdiction_code, created_by, created_at from rule_set where code = ? order by version")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("version", rs.getInt(1));
                    v.put("name", rs.getString(2));
                    v.put("basedOn", rs.getString(3));
                    v.put("jurisdictionCode", rs.getString(4));
                    v.put("createdBy", rs.getString(5));
                    v.put("createdAt", rs.getTimestamp(6).toInstant().toString());
                    out.add(v);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A new set (version 1) or, with {@code existingCode}, the next version of an existing one. */
    @Transactional
    public RuleSet save(RuleSetRequest req, String existingCode, Caller caller) {
        if (req == null) {
            throw ProblemException.invalid("body", "a rule set request is required");
        }
        String code = existingCode != null ? existingCode : req.code();
        if (existingCode != null && req.code() != null && !req.code().equals(existingCode)) {
            throw ProblemException.invalid("code", "must match the path (" + existingCode + ")");
        }
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,63}")) {
            throw ProblemException.invalid("code", "must be 3–64 upper-case letters, digits or _ starting with a letter");
        }
        Map<String, RuleSet> sets = all();
        RuleSet current = sets.get(code);
        if (existingCode == null && current != null) {
            throw ProblemException.conflict("rule set " + code + " exists; PUT /api/v1/rule-sets/" + code + " adds a version");
        }
        if (existingCode != null && current == null) {
            throw ProblemException.notFound("rule set " + code + " not found");
        }
        String jurisdiction = req.jurisdictionCode() != null ? req.jurisdictionCode()
                : current != null ? current.jurisdictionCode() : defaultJurisdiction(caller);
        if (jurisdiction != null && !jurisdiction.matches("\\d{6}")) {
            throw ProblemException.invalid("jurisdictionCode", "must be a 6-digit division code");
        }
        caller.requireRuleSetWrite(jurisdiction);
        if (current != null) {
            caller.requireRuleSetWrite(current.jurisdictionCode());
        }

        JsonNode document;
        String basedOn = req.basedOn();
        if (req.document() != null) {
            if (!req.document().isObject()) {
                throw ProblemException.invalid("document", "must be a rule-set object");
            }
            document = req.document();
        } else {
            String baseCode = basedOn != null ? basedOn : existingCode;
            if (baseCode == null) {
                throw ProblemException.invalid("basedOn", "name the set to start from, or give a whole document");
            }
            RuleSet base = sets.get(baseCode);
            if (base == null) {
                throw ProblemException.invalid("basedOn", "unknown rule set " + baseCode);
            }
            if (basedOn == null && current != null) {
                basedOn = current.basedOn();
            }
            if (req.patch() != null && !req.patch().isObject()) {
                throw ProblemException.invalid("patch", "must be an object (JSON merge patch)");
            }
            document = MergePatch.apply(json.valueToTree(base), req.patch());
        }
        int version = current == null ? 1 : current.version() + 1;
        ObjectNode doc = ((ObjectNode) document).deepCopy();
        doc.put("code", code);
        doc.put("version", version);
        if (req.name() != null) {
            doc.put("name", req.name());
        }
        if (basedOn != null) {
            doc.put("basedOn", basedOn);
        } else {
            doc.remove("basedOn");
        }
        if (jurisdiction != null) {
            doc.put("jurisdictionCode", jurisdiction);
        } else {
            doc.remove("jurisdictionCode");
        }
        RuleSet rs;
        try {
            rs = json.treeToValue(doc, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("document", "not a rule set: " + e.getOriginalMessage());
        }
        var errors = RuleSetValidator.validate(rs);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into rule_set (code, version, name, based_on, jurisdiction_code,"
                        + " document, created_by) values (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            ps.setString(1, code);
            ps.setInt(2, version);
            ps.setString(3, rs.name());
            ps.setString(4, rs.basedOn());
            ps.setString(5, rs.jurisdictionCode());
            ps.setString(6, json.writeValueAsString(rs));
            ps.setString(7, caller.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("rule set " + code + " version " + version + " was created concurrently");
            }
            throw new IllegalStateException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return rs;
    }

    public List<RuleSet> visible() {
        List<RuleSet> list = new ArrayList<>(all().values());
        list.sort(Comparator.comparing(RuleSet::code));
        return list;
    }

    private static String defaultJurisdiction(Caller caller) {
        return caller.role() == io.balance.contracts.Role.SYSTEM_ADMIN ? null : caller.jurisdiction();
    }

    private RuleSet parse(String document, int version) {
        try {
            RuleSet rs = json.readValue(document, RuleSet.class);
            return rs.version() != null && rs.version() == version ? rs
                    : json.treeToValue(((ObjectNode) json.readTree(document)).put("version", version), RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule set is unreadable", e);
        }
    }
}
