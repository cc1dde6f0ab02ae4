package io.balance.school.jurisdiction;

import java.time.Instant;

public record JurisdictionView(String code, String name, Jurisdiction.Level level, String parentCode,
                               Long residentPopulation, Long urbanPopulation, Long townPopulation,
                               Long ruralPopulation, long revision, Instant updatedAt, String updatedBy) {
    static JurisdictionView of(Jurisdiction j) {
        return new JurisdictionView(j.code, j.name, j.level, j.parentCode, j.residentPopulation, j.urbanPopulation,
                j.townPopulation, j.ruralPopulation, j.revision, j.updatedAt, j.updatedBy);
    }
}
