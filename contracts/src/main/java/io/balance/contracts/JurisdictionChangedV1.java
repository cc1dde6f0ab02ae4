package io.balance.contracts;

import java.time.Instant;

/**
 * A jurisdiction (province, city or county) was created or changed.
 *
 * @param eventId    unique per event; consumers de-duplicate on it
 * @param revision   increases with every change of this jurisdiction; older revisions are ignored
 * @param level      PROVINCE, CITY or COUNTY
 * @param parentCode null for a province
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
        Long residentPopulation) {
    public static final int SCHEMA_VERSION = 1;
}
