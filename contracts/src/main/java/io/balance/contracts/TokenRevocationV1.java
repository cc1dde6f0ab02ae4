package io.balance.contracts;

import java.time.Instant;

/**
 * Every token of an account issued before {@code validAfter} is revoked (the account was disabled or deleted, its
 * password changed or reset, its client secret rotated, or it signed out everywhere). Published by the gateway,
 * keyed by {@code name}; every service holds the whole topic and refuses such tokens with 401.
 *
 * @param name       the account as the token names it: its {@code upn} (and {@code sub}), a user name or client id
 * @param validAfter tokens whose issue time ({@link TokenClaims#ISSUED_AT_MILLIS}, else {@code iat}) is before this
 *                   are refused; a later revocation of the same name replaces an earlier one
 * @param revision   {@code validAfter} in epoch milliseconds: grows with each revocation of the name
 */
public record TokenRevocationV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String name,
        Instant validAfter,
        long revision) {
    public static final int SCHEMA_VERSION = 1;
}
