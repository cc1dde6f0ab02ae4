package io.balance.gateway.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.balance.gateway.account.Account;
import io.balance.gateway.account.AccountPolicy;
import io.balance.gateway.audit.AuditScope;
import io.balance.gateway.ratelimit.TokenBuckets;
import io.balance.gateway.routing.CircuitBreaker;
import io.balance.gateway.routing.GatewayRoute;
import io.balance.gateway.routing.RouteTable;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's rules as pure functions: routing, circuit breaking, token buckets, account policy, audit scope. */
class RulesTest {
    private static final long S = 1_000_000_000L;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/auth/token, gateway", "/api/v1/users/x, gateway", "/api/v1/audit, gateway",
            "/api/v1/jurisdictions, school", "/api/v1/schools/4103290001/indicators/2025, indicator",
            "/api/v1/schools/4103290001/indicators, indicator", "/api/v1/schools/4103290001, school",
            "/api/v1/schools/4103290001/indicatorsX, school",
            "/api/v1/counties/410329/reports/2025/import, school", "/api/v1/counties/410329/evaluations/2025, indicator",
            "/api/v1/counties/410329/findings/2025, indicator", "/api/v1/rule-sets/QUALITY_2017, indicator",
            "/api/v1/rollups, indicator", "/api/v1/surveys/3/open, survey", "/api/v1/public/responses, survey",
            "/s/ABC, survey",
            "/api/v1/counties/410329/departments, supervision", "/api/v1/counties/410329/targets/progress, supervision",
            "/api/v1/counties/410329/problems, supervision", "/api/v1/counties/410329/problems.xlsx, supervision",
            "/api/v1/counties/410329/plan-items/import, supervision", "/api/v1/problems/7/verify, supervision",
            "/api/v1/evidence/0b9c, supervision",
    })
    void routingTableOfTheArchitecture(String path, String service) {
        assertEquals(service, RouteTable.serviceFor(path));
    }

    @Test
    void unroutedPaths() {
        assertNull(RouteTable.serviceFor("/api/v1/counties/410329"));
        assertNull(RouteTable.serviceFor("/api/v2/schools"));
        assertNull(RouteTable.serviceFor("/api/v1/usersX"));
        assertTrue(RouteTable.isImport("/api/v1/counties/410329/reports/2025/import"));
        assertFalse(RouteTable.isImport("/api/v1/schools/4103290001/reports/2025"));
        assertEquals(GatewayRoute.TOKEN, GatewayRoute.of("/api/v1/auth/token"));
        assertEquals(GatewayRoute.PUBLIC, GatewayRoute.of("/s/x"));
        assertEquals(GatewayRoute.AUTHENTICATED, GatewayRoute.of("/api/v1/publicity"));
        assertEquals(GatewayRoute.PAGE, GatewayRoute.of("/q/openapi"));
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndProbesAfterTheOpenPeriod() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));
        breaker.failure(0);
        breaker.failure(0);
        breaker.success(); // resets the count
        breaker.failure(1);
        breaker.failure(1);
        assertTrue(breaker.allow(1));
        breaker.failure(1);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allow(5 * S));
        assertEquals(6, breaker.retryAfterSeconds(5 * S));
        assertTrue(breaker.allow(11 * S), "one probe after the open period");
        assertFalse(breaker.allow(11 * S), "only one probe at a time");
        breaker.failure(12 * S);
        assertFalse(breaker.allow(21 * S), "the failed probe re-opens for a full period");
        assertTrue(breaker.allow(22 * S + 1));
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allow(22 * S + 2));
    }

    @Test
    void tokenBucketsAllowBurstThenRefillPerMinute() {
        TokenBuckets buckets = new TokenBuckets(60); // one a second
        for (int i = 0; i < 60; i++) {
            assertEquals(0, buckets.tryAcquire("a", 0));
        }
        assertEquals(1, buckets.tryAcquire("a", 0));
        assertEquals(0, buckets.tryAcquire("b", 0), "keys are independent");
        assertEquals(0, buckets.tryAcquire("a", S));
        assertEquals(1, buckets.tryAcquire("a", S));
        assertEquals(0, buckets.tryAcquire("a", 3 * S));
        assertEquals(0, buckets.tryAcquire("a", 3 * S));
        assertTrue(buckets.tryAcquire("a", 3 * S) > 0);
        buckets.evictIdle(3 * S);
        assertEquals(1, buckets.size(), "b is full again (refilled), a is not");
        buckets.evictIdle(200 * S);
        assertEquals(0, buckets.size());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // caller role, caller jurisdiction, new role, new jurisdiction, refusal status (0 = allowed)
            "SYSTEM_ADMIN,    null,   PROVINCE_ADMIN,  410000,     0",
            "SYSTEM_ADMIN,    null,   PROVINCE_ADMIN,  410300,     400",
            "SYSTEM_ADMIN,    null,   SYSTEM_ADMIN,    null,       403",
            "PROVINCE_ADMIN,  410000, COUNTY_ADMIN,    410329,     0",
            "PROVINCE_ADMIN,  410000, COUNTY_ADMIN,    420301,     403",
            "PROVINCE_ADMIN,  410000, COUNTY_ADMIN,    410300,     400",
            "PROVINCE_ADMIN,  410000, PROVINCE_ADMIN,  410000,     403",
            "PROVINCE_ADMIN,  410000, INTEGRATION,     410000,     0",
            "PROVINCE_ADMIN,  410000, INTEGRATION,     420000,     403",
            "PROVINCE_ADMIN,  410000, VIEWER,          410000,     0",
            "COUNTY_ADMIN,    410329, SCHOOL_REPORTER, 4103290001, 0",
            "COUNTY_ADMIN,    410329, SCHOOL_REPORTER, 410329,     400",
            "COUNTY_ADMIN,    410329, VIEWER,          410329,     0",
            "COUNTY_ADMIN,    410329, VIEWER,          410300,     403",
            "COUNTY_ADMIN,    410329, VIEWER,          410381,     403",
            "COUNTY_ADMIN,    410329, INTEGRATION,     410329,     403",
            "COUNTY_ADMIN,    410329, COUNTY_ADMIN,    410329,     403",
            "SCHOOL_REPORTER, 4103290001, VIEWER,      410329,     403",
            "VIEWER,          410329, INTEGRATION,     410329,     403",
            "INTEGRATION,     410000, VIEWER,          410000,     403",
    })
    void accountPolicy(Role caller, String callerJurisdiction, Role role, String jurisdiction, int status) {
        AccountPolicy.Refusal refusal = AccountPolicy.check(caller, callerJurisdiction, role, jurisdiction);
        assertEquals(status, refusal == null ? 0 : refusal.status(), String.valueOf(refusal));
    }

    @Test
    void accountVisibility() {
        Account reporter = new Account();
        reporter.jurisdiction = "4103290001";
        reporter.countyCode = "410329";
        assertTrue(AccountPolicy.visibleTo(Role.PROVINCE_ADMIN, "410000", reporter));
        assertTrue(AccountPolicy.visibleTo(Role.COUNTY_ADMIN, "410329", reporter));
        assertFalse(AccountPolicy.visibleTo(Role.PROVINCE_ADMIN, "420000", reporter));
        Account admin = new Account();
        assertFalse(AccountPolicy.visibleTo(Role.PROVINCE_ADMIN, "410000", admin));
        assertTrue(AccountPolicy.visibleTo(Role.SYSTEM_ADMIN, null, admin));
    }

    @Test
    void auditDivisionFromPathThenActor() {
        assertEquals("410329", AuditScope.division("/api/v1/counties/410329/findings/2025", null, "410000", null));
        assertEquals("420301", AuditScope.division("/api/v1/jurisdictions/420301", null, null, null));
        assertEquals("410329", AuditScope.division("/api/v1/schools/4103290001/reports/2025", null, "410329", null));
        assertEquals("410329", AuditScope.division("/api/v1/schools/4103290001/reports/2025", null, "4103290001", "410329"));
        assertEquals("410381", AuditScope.division("/api/v1/users", "410381", "410000", null));
        assertNull(AuditScope.division("/api/v1/schools/4103290001/reports/2025/approve", null, null, null));
        // an attempt on another province's county is filed under the actor's own division
        assertEquals("420000", AuditScope.division("/api/v1/counties/410329/findings/2025", null, "420000", null));
        assertEquals("420102", AuditScope.division("/api/v1/jurisdictions/410329", null, "4201020001", "420102"));
    }

    @Test
    void unknownRoleNamesAreRejectedByTheEnum() {
        assertThrows(IllegalArgumentException.class, () -> Role.valueOf("KING"));
    }
}
