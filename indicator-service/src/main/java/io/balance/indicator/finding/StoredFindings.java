package io.balance.indicator.finding;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** A county's findings as stored: the document plus who changed it last and its version. */
public record StoredFindings(String countyCode, int year, int version, String updatedBy, Instant updatedAt,
        @JsonUnwrapped Findings document) {
}
