package io.balance.contracts;

/**
 * Caller roles, carried in the token's {@code groups} claim. Ordered from most to least powerful:
 * a caller may create only roles after its own.
 */
public enum Role {
    SYSTEM_ADMIN,
    PROVINCE_ADMIN,
    COUNTY_ADMIN,
    SCHOOL_REPORTER,
    VIEWER,
    INTEGRATION;

    public boolean readOnly() {
        return this == VIEWER || this == INTEGRATION;
    }
}
