package io.balance.survey.registry;

import io.balance.contracts.Location;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** Schools with their county and location (城区 / 镇区 / 乡村), from {@code school.registry.v1}. */
@ApplicationScoped
public class SchoolIntake extends RegistryIntake<SchoolChangedV1> {
    public SchoolIntake() {
        super("survey-schools", SchoolChangedV1.class, Topics.SCHOOL_REGISTRY, "school", "school:");
    }

    @Override
    protected Key key(SchoolChangedV1 e) {
        return e.school() == null || e.schoolCode() == null ? null
                : new Key(e.eventId(), aggregate + e.schoolCode(), e.revision());
    }

    @Override
    protected void store(Connection c, SchoolChangedV1 e) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into school (school_code, name, county_code, type, location, revision)
                values (?, ?, ?, ?, ?, ?)
                on conflict (school_code) do update set name = excluded.name, county_code = excluded.county_code,
                  type = excluded.type, location = excluded.location, revision = excluded.revision""")) {
            ps.setString(1, e.schoolCode());
            ps.setString(2, e.school().name() == null ? e.schoolCode() : e.school().name());
            ps.setString(3, e.school().countyCode());
            ps.setString(4, e.school().type() == null ? "PRIMARY" : e.school().type());
            ps.setString(5, e.school().location() == null ? Location.URBAN.name() : e.school().location());
            ps.setLong(6, e.revision());
            ps.executeUpdate();
        }
    }
}
