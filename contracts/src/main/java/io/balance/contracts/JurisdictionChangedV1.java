package io.balance.contracts;

import java.time.Instant;

/**
 * A jurisdiction (province, city or county) was created or changed.
 *
 * @param eventId    unique per event; consumers de-duplicate on it
 * @param revision   increases with every change of this jurisdiction; older revisions are ignored
 * @param level      PROVINCE, CITY or COUNTY
 * @param parentCode null for a province
 * @param urbanPopulation resident population of the urban area (城区), optional (null when not recorded); with
 *                   {@code townPopulation} (镇区) and {@code ruralPopulation} (乡村) it splits the survey's sample
 *                   in proportion to population (evaluation-standards.md §5). Added compatibly within schema 1:
 *                   older producers leave the three out, older consumers ignore them.
 */
public record JurisdictionChangedV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String code,
        long revision,
        String name,
        String level,
        String parentCode,
        Long residentPopulation,
        Long urbanPopulation,
        Long townPopulation,
        Long ruralPopulation) {
    public static final int SCHEMA_VERSION = 1;

    /** Without the population split (producers that do not record it). */
    public JurisdictionChangedV1(String eventId, int schemaVersion, Instant occurredAt, String code, long revision,
            String name, String level, String parentCode, Long residentPopulation) {
        this(eventId, schemaVersion, occurredAt, code, revision, name, level, parentCode, residentPopulation, null,
                null, null);
    }
}
