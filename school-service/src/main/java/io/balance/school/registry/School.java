package io.balance.school.registry;

import io.balance.contracts.Location;
import io.balance.contracts.SchoolV1;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A school in the registry (学校), identified by its 10-digit 学校标识码. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public SchoolType type;
    @Enumerated(EnumType.STRING)
    public Location location;
    @Column(name = "public_school")
    public boolean publicSchool;
    public boolean boarding;
    public long revision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public SchoolV1 toV1() {
        return new SchoolV1(code, name, countyCode, type.name(), location.name(), publicSchool, boarding);
    }
}
