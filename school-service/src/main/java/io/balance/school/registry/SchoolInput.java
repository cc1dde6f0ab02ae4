package io.balance.school.registry;

import io.balance.contracts.Location;
import io.balance.school.common.Errors;
import java.util.Arrays;
import java.util.function.Function;

/** A school's attributes, checked: from {@code PUT /schools/{code}} or one bulk-import row. */
public record SchoolInput(String name, String countyCode, SchoolType type, Location location,
                          boolean publicSchool, boolean boarding) {
    /**
     * Checks the attributes as sent; returns null when any is invalid (the errors say which).
     *
     * @param countyRequired false in a bulk import, where the county comes from the path
     */
    public static SchoolInput from(SchoolRequest request, String path, boolean countyRequired, Errors errors) {
        int before = errors.size();
        if (request == null) {
            errors.add(path.isEmpty() ? "(body)" : path, "must be a JSON object");
            return null;
        }
        errors.validate(request, path);
        if (countyRequired && request.countyCode() == null) {
            errors.add(Errors.child(path, "countyCode"), "is required");
        }
        SchoolType type = lookup(request.type(), SchoolType::parse, SchoolType.values(), Errors.child(path, "type"), errors);
        Location location = lookup(request.location(), Location::parse, Location.values(),
                Errors.child(path, "location"), errors);
        if (errors.size() > before) {
            return null;
        }
        return new SchoolInput(request.name().strip(), request.countyCode(), type, location, request.publicSchool(),
                request.boarding());
    }

    /** The type a row names, if it names one: a report is checked against it even when other attributes are wrong. */
    public static SchoolType typeOf(SchoolRequest request) {
        return request == null || request.type() == null ? null : SchoolType.parse(request.type());
    }

    /** By code or by Chinese label; an unknown value is an error naming the values there are. */
    private static <E extends Enum<E>> E lookup(String value, Function<String, E> parse, E[] values, String field,
                                                Errors errors) {
        if (value == null || value.isBlank()) {
            return null; // reported by the annotations
        }
        E e = parse.apply(value);
        if (e == null) {
            errors.add(field, "unknown value \"" + value.strip() + "\"; expected one of " + Arrays.toString(values));
        }
        return e;
    }

    public boolean sameAs(School s) {
        return s.name.equals(name) && s.countyCode.equals(countyCode) && s.type == type && s.location == location
                && s.publicSchool == publicSchool && s.boarding == boarding;
    }

    public SchoolInput withCounty(String county) {
        return new SchoolInput(name, county, type, location, publicSchool, boarding);
    }
}
