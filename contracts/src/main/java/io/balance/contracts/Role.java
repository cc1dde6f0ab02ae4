package io.balance.contracts;

/**
 * Caller roles, carried in the token's {@code groups} claim. Ordered from most to least powerful:
 * a caller may create only roles after its own (the gateway's account policy may narrow that further).
 */
public enum Role {
    SYSTEM_ADMIN,
    PROVINCE_ADMIN,
    /** 督学: supervises a city or a province; runs surveys, verifies problems, decides review stages. */
    REVIEWER,
    COUNTY_ADMIN,
    /** 责任单位: a county department's officer; jurisdiction is the county, the token names the department. */
    DEPARTMENT,
    SCHOOL_REPORTER,
    VIEWER,
    INTEGRATION;

    public boolean readOnly() {
        return this == VIEWER || this == INTEGRATION;
    }
}
