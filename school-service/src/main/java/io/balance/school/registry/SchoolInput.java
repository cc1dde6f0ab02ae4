package io.balance.school.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.school.common.Errors;
import io.balance.school.common.Json;
import java.util.Set;

/** A school's attributes as sent in {@code PUT /schools/{code}} or in one bulk-import row. */
public record SchoolInput(String name, String countyCode, SchoolType type, Location location,
                          boolean publicSchool, boolean boarding) {
    private static final Set<String> FIELDS =
            Set.of("schoolCode", "code", "name", "countyCode", "type", "location", "publicSchool", "boarding");

    /**
     * Reads and checks the attributes; returns null when any is invalid (the errors say which).
     *
     * @param countyRequired false in a bulk import, where the county comes from the path
     */
    public static SchoolInput parse(JsonNode node, String path, boolean countyRequired, Errors errors) {
        int before = errors.size();
        if (node == null || !node.isObject()) {
            errors.add(path.isEmpty() ? "(body)" : path, "must be a JSON object");
            return null;
        }
        Json.rejectUnknown(node, path, FIELDS, errors);
        String name = Json.text(node, "name", path, true, 200, errors);
        String county = Json.code(node, "countyCode", path, countyRequired, 6, errors);
        SchoolType type = Json.enumeration(node, "type", path, true, SchoolType.class, SchoolType::parse, errors);
        Location location = Json.enumeration(node, "location", path, true, Location.class, Location::parse, errors);
        Boolean publicSchool = Json.bool(node, "publicSchool", path, true, errors);
        Boolean boarding = Json.bool(node, "boarding", path, true, errors);
        if (errors.size() > before) {
            return null;
        }
        return new SchoolInput(name, county, type, location, publicSchool, boarding);
    }

    public boolean sameAs(School s) {
        return s.name.equals(name) && s.countyCode.equals(countyCode) && s.type == type && s.location == location
                && s.publicSchool == publicSchool && s.boarding == boarding;
    }

    public SchoolInput withCounty(String county) {
        return new SchoolInput(name, county, type, location, publicSchool, boarding);
    }
}
