package io.balance.indicator.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.finding.Findings;
import io.balance.indicator.finding.Funding;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inputs of evaluations, read from the service's read model: a county's reports, registered schools,
 * findings and survey for a year, and lookups around them. {@link #inputs} is cached (quarkus-cache) on the
 * county's input version, which every transaction changing its inputs bumps: a warm read is one small query.
 */
@ApplicationScoped
public class CountyInputsRepository {
    static final String INPUTS_CACHE = "indicator-county-inputs";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    /** This bean through its proxy, so that the cache applies to calls from within. */
    @Inject
    CountyInputsRepository self;

    /** The county's inputs, from the cache while its input version is unchanged. */
    public CountyInputs inputs(String countyCode, int year) {
        long version;
        try (Connection c = dataSource.getConnection()) {
            version = version(c, countyCode);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return self.inputs(countyCode, year, version);
    }

    /** The inputs at a version; the version is part of the key, so a change of inputs is a new entry. */
    @CacheResult(cacheName = INPUTS_CACHE)
    public CountyInputs inputs(@CacheKey String countyCode, @CacheKey int year, @CacheKey long version) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, countyCode, year, version);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether anything at all is known about the county (else a 404). */
    public boolean known(String countyCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select exists (select 1 from jurisdiction where code = ?)
                            or exists (select 1 from school where county_code = ?)
                            or exists (select 1 from school_report where county_code = ?)
                            or exists (select 1 from county_finding where county_code = ?)
                            or exists (select 1 from survey_result where county_code = ?)""")) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, countyCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An approved report of a school for a year, or null. */
    public CountyInputs.ApprovedReport report(String schoolCode, int year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select school, report, revision from school_report where school_code = ? and year = ?")) {
            ps.setString(1, schoolCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? approved(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The county of a school from the registry or any report, or null when unknown. */
    public String countyOfSchool(String schoolCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select county_code from school where school_code = ?
                        union all (select county_code from school_report where school_code = ? order by year desc limit 1)""")) {
            ps.setString(1, schoolCode);
            ps.setString(2, schoolCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counties known under a jurisdiction (registry, reports, findings), with their names. */
    public Map<String, String> countiesUnder(String jurisdictionCode, int year) {
        String prefix = JurisdictionScope.prefixOf(jurisdictionCode);
        Map<String, String> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select code, name from jurisdiction where level = 'COUNTY' and code like ?
                        union select distinct county_code, null from school_report where year = ? and county_code like ?
                        union select county_code, null from county_finding where year = ? and county_code like ?""")) {
            ps.setString(1, prefix + "%");
            ps.setInt(2, year);
            ps.setString(3, prefix + "%");
            ps.setInt(4, year);
            ps.setString(5, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    if (JurisdictionScope.covers(jurisdictionCode, code)) {
                        String name = rs.getString(2);
                        if (name != null || !out.containsKey(code)) {
                            out.put(code, name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public String name(String code) {
        try (Connection c = dataSource.getConnection()) {
            return name(c, code);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String SURVEY_COLUMNS = "survey_id, rate, valid, flagged, valid_return_rate, closed, revision";

    CountyInputs load(Connection c, String countyCode, int year, long version) throws SQLException {
        List<CountyInputs.ApprovedReport> reports = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select school, report, revision from school_report where county_code = ? and year = ? order by school_code")) {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(approved(rs));
                }
            }
        }
        List<CountyInputs.RegisteredSchool> registered = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select school_code, name, type from school where county_code = ? and registered_at < ? order by school_code")) {
            ps.setString(1, countyCode);
            ps.setTimestamp(2, endOfSchoolYear(year));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    registered.add(new CountyInputs.RegisteredSchool(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        Findings findings = null;
        Map<Integer, Funding> funding = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select year, case when year = ? then document end, document -> 'funding' from county_finding
                where county_code = ? and year between ? and ?""")) {
            ps.setInt(1, year);
            ps.setString(2, countyCode);
            ps.setInt(3, year - GrowthChecks.MAX_YEARS);
            ps.setInt(4, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        findings = read(rs.getString(2), Findings.class);
                    }
                    String f = rs.getString(3);
                    if (f != null && !"null".equals(f)) {
                        funding.put(rs.getInt(1), read(f, Funding.class));
                    }
                }
            }
        }
        CountyInputs.SurveyInput survey = null;
        try (PreparedStatement ps = c.prepareStatement("select " + SURVEY_COLUMNS + " from survey_result"
                + " where county_code = ? and year = ? order by closed desc, occurred_at desc nulls last limit 1")) {
            ps.setString(1, countyCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    survey = survey(rs, 1);
                }
            }
        }
        return new CountyInputs(countyCode, name(c, countyCode), year, reports, registered, findings, survey, version,
                funding);
    }

    static CountyInputs.SurveyInput survey(ResultSet rs, int from) throws SQLException {
        Double rate = rs.getObject(from + 1) == null ? null : rs.getDouble(from + 1);
        Double validReturn = rs.getObject(from + 4) == null ? null : rs.getDouble(from + 4);
        return new CountyInputs.SurveyInput(rs.getString(from), rate, rs.getLong(from + 2), rs.getLong(from + 3),
                validReturn, rs.getBoolean(from + 5), rs.getLong(from + 6));
    }

    CountyInputs.ApprovedReport approved(ResultSet rs) throws SQLException {
        return new CountyInputs.ApprovedReport(read(rs.getString(1), SchoolV1.class), read(rs.getString(2), AnnualReportV1.class),
                rs.getLong(3));
    }

    static long version(Connection c, String countyCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from county_input_version where county_code = ?")) {
            ps.setString(1, countyCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static String name(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select name from jurisdiction where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static Set<Integer> years(Connection c, String countyCode) throws SQLException {
        Set<Integer> years = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select year from school_report where county_code = ?
                union select year from county_finding where county_code = ?
                union select year from survey_result where county_code = ?
                union select year from county_evaluation where county_code = ?""")) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, countyCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
        }
        return years;
    }

    /** A school registered before the school year ended (31 August of year + 1) is expected to report for it. */
    static Timestamp endOfSchoolYear(int year) {
        return Timestamp.from(LocalDate.of(year + 1, 9, 1).atStartOfDay(CHINA).toInstant());
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

}
