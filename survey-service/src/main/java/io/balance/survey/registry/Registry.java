package io.balance.survey.registry;

import io.balance.contracts.Location;
import io.balance.survey.common.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The survey service's read model of jurisdictions and schools, fed by school-service events. */
@ApplicationScoped
public class Registry {
    @Inject
    Db db;

    /** A county as the registry describes it; {@code populationByLocation} is empty when not recorded. */
    public record County(String code, String name, String level, Long residentPopulation,
            Map<Location, Long> populationByLocation) {
    }

    public record School(String schoolCode, String name, String countyCode, String type, Location location) {
    }

    public Optional<County> county(String code) {
        return db.auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, name, level, resident_population, "
                    + "urban_population, town_population, rural_population FROM jurisdiction WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Map<Location, Long> split = new EnumMap<>(Location.class);
                    for (Location l : Location.values()) {
                        long n = rs.getLong(5 + l.ordinal());
                        if (!rs.wasNull()) {
                            split.put(l, n);
                        }
                    }
                    long pop = rs.getLong(4);
                    Long population = rs.wasNull() ? null : pop;
                    return Optional.of(new County(rs.getString(1), rs.getString(2), rs.getString(3), population,
                            split));
                }
            }
        });
    }

    public Optional<School> school(String schoolCode) {
        return db.auto(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT school_code, name, county_code, type, location FROM school WHERE school_code = ?")) {
                ps.setString(1, schoolCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new School(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Location.parse(rs.getString(5))));
                }
            }
        });
    }

    /** Registered schools per location (城区 / 镇区 / 乡村) in a county. */
    public Map<Location, Long> schoolsByLocation(String countyCode) {
        return db.auto(c -> {
            Map<Location, Long> counts = new EnumMap<>(Location.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT location, count(*) FROM school WHERE county_code = ? GROUP BY location")) {
                ps.setString(1, countyCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Location l = Location.parse(rs.getString(1));
                        if (l != null) {
                            counts.merge(l, rs.getLong(2), Long::sum);
                        }
                    }
                }
            }
            return counts;
        });
    }

    public Map<String, String> schoolNames(String countyCode) {
        return db.auto(c -> {
            Map<String, String> names = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT school_code, name FROM school WHERE county_code = ?")) {
                ps.setString(1, countyCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return names;
        });
    }
}
