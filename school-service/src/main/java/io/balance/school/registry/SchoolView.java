package io.balance.school.registry;

import io.balance.contracts.Location;
import java.time.Instant;
import java.util.Set;

public record SchoolView(String schoolCode, String name, String countyCode, SchoolType type, Location location,
                         boolean publicSchool, boolean boarding, Set<Stage> stages, long revision,
                         Instant updatedAt, String updatedBy) {
    public static SchoolView of(School s) {
        return new SchoolView(s.code, s.name, s.countyCode, s.type, s.location, s.publicSchool, s.boarding,
                s.type.stages(), s.revision, s.updatedAt, s.updatedBy);
    }
}
