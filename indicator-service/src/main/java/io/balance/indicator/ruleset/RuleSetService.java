package io.balance.indicator.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.JurisdictionScope;
import io.balance.indicator.access.Access;
import io.balance.kit.caller.Caller;
import io.balance.kit.jdbc.Sql;
import io.balance.kit.problem.Problem;
import io.balance.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    @Inject
    Access access;

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
        long count = Sql.count(c, "select count(*) from rule_set");
        if (count != stamp) {
            synchronized (this) {
                Map<String, RuleSet> sets = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("select distinct on (code) " + COLUMNS
                        + " from rule_set order by code, version desc");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sets.put(rs.getString(1), resolve(c, rs));
                    }
                }
                latest = sets;
                stamp = count;
            }
        }
        return latest;
    }

    private static final String COLUMNS = "code, version, document, patch, based_on, based_on_version, name, jurisdiction_code";

    /** A stored row as a rule set: its document, or for a variant stored as a patch, the derived document. */
    private RuleSet resolve(Connection c, ResultSet rs) throws SQLException {
        int version = rs.getInt(2);
        if (rs.getString(3) != null) {
            return parse(rs.getString(3), version);
        }
        String basedOn = rs.getString(5);
        RuleSet base = stored(c, basedOn, rs.getInt(6));
        if (base == null) {
            throw new IllegalStateException("rule set " + rs.getString(1) + " is based on a missing " + basedOn);
        }
        // a new version stored as a patch on an earlier version of the same set keeps that set's own basedOn
        String derivedBasedOn = basedOn.equals(rs.getString(1)) ? base.basedOn() : basedOn;
        try {
            return json.treeToValue(RuleSetDerivation.derive(json.valueToTree(base), json.readTree(rs.getString(4)),
                    rs.getString(1), version, rs.getString(7), derivedBasedOn, rs.getString(8)), RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule-set patch is unreadable", e);
        }
    }

    /** One stored version, derived where it is a patch, or null. */
    private RuleSet stored(Connection c, String code, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from rule_set where code = ? and version = ?")) {
            ps.setString(1, code);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? resolve(c, rs) : null;
            }
        }
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
        try (Connection c = dataSource.getConnection()) {
            return stored(c, code, version);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One stored version of a set.
     *
     * @param basedOnVersion for a variant stored as a patch: the version of the base set it derives from
     */
    public record Version(int version, String name, String basedOn, Integer basedOnVersion, String jurisdictionCode,
            String createdBy, Instant createdAt) {
    }

    public List<Version> versions(String code) {
        List<Version> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select version, name, based_on, based_on_version, jurisdiction_code,"
                        + " created_by, created_at from rule_set where code = ? order by version")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getInt(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
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
            throw ProblemException.invalid(Problem.BODY, "a rule set request is required");
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
        access.requireRuleSetWrite(jurisdiction);
        if (current != null) {
            access.requireRuleSetWrite(current.jurisdictionCode());
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
        ObjectNode doc = RuleSetDerivation.derive(document, null, code, version, req.name(), basedOn, jurisdiction);
        RuleSet rs;
        try {
            rs = json.treeToValue(doc, RuleSet.class);
        } catch (JsonProcessingException e) {
            // name the field, e.g. assurance[3].type for a check type outside CheckType
            throw ProblemException.invalid(fieldOf(e), "not a rule set: " + e.getOriginalMessage());
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
        return caller.jurisdiction(); // null for SYSTEM_ADMIN
    }

    static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) {
            return "document";
        }
        StringBuilder field = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "document" : field.toString();
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
