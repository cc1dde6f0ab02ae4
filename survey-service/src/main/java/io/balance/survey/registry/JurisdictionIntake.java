package io.balance.survey.registry;

import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** Counties (and their cities and provinces) with their resident population, from {@code school.jurisdictions.v1}. */
@ApplicationScoped
public class JurisdictionIntake extends RegistryIntake<JurisdictionChangedV1> {
    public JurisdictionIntake() {
        super("survey-jurisdictions", JurisdictionChangedV1.class, Topics.JURISDICTIONS, "jurisdiction", "jurisdiction:");
    }

    @Override
    protected Key key(JurisdictionChangedV1 e) {
        return e.code() == null ? null : new Key(e.eventId(), aggregate + e.code(), e.revision());
    }

    @Override
    protected void store(Connection c, JurisdictionChangedV1 e) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into jurisdiction (code, name, level, parent_code, resident_population, revision,
                  urban_population, town_population, rural_population)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                  parent_code = excluded.parent_code, resident_population = excluded.resident_population,
                  revision = excluded.revision, urban_population = excluded.urban_population,
                  town_population = excluded.town_population, rural_population = excluded.rural_population""")) {
            ps.setString(1, e.code());
            ps.setString(2, e.name() == null ? e.code() : e.name());
            ps.setString(3, e.level() == null ? "COUNTY" : e.level());
            ps.setString(4, e.parentCode());
            ps.setObject(5, e.residentPopulation());
            ps.setLong(6, e.revision());
            ps.setObject(7, e.urbanPopulation());
            ps.setObject(8, e.townPopulation());
            ps.setObject(9, e.ruralPopulation());
            ps.executeUpdate();
        }
    }
}
