package io.balance.school.jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A province, city or county (行政区划). */
@Entity
@Table(name = "jurisdiction")
public class Jurisdiction extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Level level;
    @Column(name = "parent_code")
    public String parentCode;
    @Column(name = "resident_population")
    public Long residentPopulation;
    /** Resident population of the urban area (城区), town areas (镇区) and rural areas (乡村): all three or none. */
    @Column(name = "urban_population")
    public Long urbanPopulation;
    @Column(name = "town_population")
    public Long townPopulation;
    @Column(name = "rural_population")
    public Long ruralPopulation;
    public long revision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public enum Level { PROVINCE, CITY, COUNTY }

    public static List<Jurisdiction> children(String parentCode) {
        return list("parentCode = ?1 order by code", parentCode);
    }
}
