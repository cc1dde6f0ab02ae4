package io.balance.system;

import static io.balance.contracts.Role.COUNTY_ADMIN;
import static io.balance.contracts.Role.DEPARTMENT;
import static io.balance.contracts.Role.INTEGRATION;
import static io.balance.contracts.Role.PROVINCE_ADMIN;
import static io.balance.contracts.Role.REVIEWER;
import static io.balance.contracts.Role.SCHOOL_REPORTER;
import static io.balance.contracts.Role.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.balance.system.ScopingMatrix.Row;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scoping matrix: every endpoint behind the gateway (a declarative table) × every role of two counties in two
 * provinces, the city REVIEWER (督学) and county DEPARTMENT officer (责任单位) included. For each province's callers:
 * <ul>
 *   <li>cross-jurisdiction: the same request aimed at the other province's county, school, survey … must be a
 *       403 or 404 (lists: a 2xx naming nothing of the other province), and nothing of the other province changes;</li>
 *   <li>own jurisdiction: the roles the table allows get a 2xx, every other role a 403/404 (rows that change a
 *       state machine are not run for allowed roles here; the end-to-end test walks them).</li>
 * </ul>
 * SYSTEM_ADMIN sees everything by definition and only appears as the fixture's creator. The runner is
 * {@link ScopingMatrix}, shared with {@link SupervisionScopingTest}.
 */
@ExtendWith(SystemStack.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScopingMatrixTest {
    static final Set<Role> CALLERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT, SCHOOL_REPORTER,
            VIEWER, INTEGRATION);
    static final Set<Role> READERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT, SCHOOL_REPORTER,
            VIEWER, INTEGRATION);
    static final Set<Role> DIVISION_READERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT, VIEWER,
            INTEGRATION);
    static final Set<Role> PROVINCE_READERS = EnumSet.of(PROVINCE_ADMIN, INTEGRATION);
    /** Above the county: a city (the reviewer's) or the province. */
    static final Set<Role> ABOVE_COUNTY = EnumSet.of(PROVINCE_ADMIN, REVIEWER, INTEGRATION);
    static final Set<Role> ADMINS = EnumSet.of(PROVINCE_ADMIN, COUNTY_ADMIN);
    /** Accounts are read by whoever is not read-only and covers them; created by administrators only. */
    static final Set<Role> ACCOUNT_READERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT);
    static final Set<Role> REPORT_WRITERS = EnumSet.of(PROVINCE_ADMIN, COUNTY_ADMIN, SCHOOL_REPORTER);
    /** The supervising level runs a county's survey (a reviewer or province administrator above it). */
    static final Set<Role> SURVEY_SUPERVISORS = EnumSet.of(PROVINCE_ADMIN, REVIEWER);
    static final AtomicInteger UNIQUE = new AtomicInteger();

    static Row row(String method, String path, Set<Role> allowed) {
        return ScopingMatrix.row(method, path, null, allowed);
    }

    static Row row(String method, String path, String body, Set<Role> allowed) {
        return ScopingMatrix.row(method, path, body, allowed);
    }

    static final String SCHOOL_BODY = "{\"name\":\"{countyName}第1小学\",\"countyCode\":\"{county}\",\"type\":\"PRIMARY\","
            + "\"location\":\"URBAN\",\"publicSchool\":true,\"boarding\":false}";
    static final String COUNTY_BODY = "{\"name\":\"{countyName}\",\"level\":\"COUNTY\",\"parentCode\":\"{city}\","
            + "\"residentPopulation\":520000}";

    /** The endpoint table. Placeholders are filled from the target side (see {@link #fill}). */
    static final List<Row> TABLE = List.of(
            // gateway: accounts and audit
            row("GET", "/api/v1/users/{countyAdmin}", ACCOUNT_READERS),
            row("GET", "/api/v1/users", ACCOUNT_READERS).asList(),
            row("POST", "/api/v1/users", "{\"username\":\"v{unique}\",\"password\":\"" + World.PASSWORD
                    + "\",\"role\":\"VIEWER\",\"jurisdiction\":\"{county}\"}", ADMINS),
            row("POST", "/api/v1/users", "{\"username\":\"r{unique}\",\"password\":\"" + World.PASSWORD
                    + "\",\"role\":\"SCHOOL_REPORTER\",\"jurisdiction\":\"{school}\"}", ADMINS),
            row("POST", "/api/v1/clients", "{\"clientId\":\"c{unique}\",\"role\":\"INTEGRATION\","
                    + "\"jurisdiction\":\"{province}\"}", EnumSet.of(PROVINCE_ADMIN)),
            row("GET", "/api/v1/audit", EnumSet.of(PROVINCE_ADMIN)).asList(),
            // school-service: registry
            row("GET", "/api/v1/jurisdictions", READERS).asList(),
            row("GET", "/api/v1/jurisdictions/{county}", DIVISION_READERS),
            row("GET", "/api/v1/jurisdictions/{province}", PROVINCE_READERS),
            row("GET", "/api/v1/jurisdictions/{city}/children", ABOVE_COUNTY),
            row("PUT", "/api/v1/jurisdictions/{county}", COUNTY_BODY, EnumSet.of(PROVINCE_ADMIN)),
            row("GET", "/api/v1/schools", READERS).asList(),
            row("GET", "/api/v1/schools?countyCode={county}", READERS).asList(),
            row("GET", "/api/v1/schools/{school}", READERS),
            row("GET", "/api/v1/schools/{approvedSchool}", DIVISION_READERS),
            row("PUT", "/api/v1/schools/{school}", SCHOOL_BODY, ADMINS),
            // school-service: reports and review
            row("GET", "/api/v1/schools/{school}/reports", READERS),
            row("GET", "/api/v1/schools/{school}/reports/{year}", READERS),
            row("GET", "/api/v1/schools/{school}/reports/{year}/history", READERS),
            row("GET", "/api/v1/schools/{approvedSchool}/reports/{year}/approved", DIVISION_READERS),
            row("PUT", "/api/v1/schools/{school}/reports/{year}", "@report", REPORT_WRITERS),
            row("POST", "/api/v1/schools/{school}/reports/{year}/submit", null, REPORT_WRITERS).changesState(),
            row("POST", "/api/v1/schools/{approvedSchool}/reports/{year}/approve", null, ADMINS).changesState(),
            row("POST", "/api/v1/schools/{approvedSchool}/reports/{year}/reject", "{\"reason\":\"check the figures\"}",
                    ADMINS).changesState(),
            row("GET", "/api/v1/counties/{county}/reports/{year}/import", DIVISION_READERS).asList(),
            row("POST", "/api/v1/counties/{county}/reports/{year}/import", "[]", ADMINS).changesState(),
            // indicator-service
            row("GET", "/api/v1/counties/{county}/evaluations/{year}?ruleSet=QUALITY_2017", DIVISION_READERS),
            row("GET", "/api/v1/counties/{county}/evaluations?ruleSet=QUALITY_2017", DIVISION_READERS),
            row("GET", "/api/v1/schools/{approvedSchool}/indicators/{year}?ruleSet=QUALITY_2017", DIVISION_READERS),
            row("PUT", "/api/v1/counties/{county}/findings/{year}", "{}", ADMINS),
            row("GET", "/api/v1/counties/{county}/findings/{year}", DIVISION_READERS),
            row("GET", "/api/v1/rollups/{province}/{year}", PROVINCE_READERS),
            row("GET", "/api/v1/rule-sets", READERS).asList(),
            // survey-service
            row("GET", "/api/v1/surveys", READERS).asList(),
            row("GET", "/api/v1/surveys?countyCode={county}", READERS).asList(),
            row("GET", "/api/v1/surveys/{survey}", READERS),
            // the supervising level runs a county's survey, never the county (issue 13); the county reads its
            // results once the campaign has closed (the fixture's stays a draft)
            row("POST", "/api/v1/surveys", "{\"countyCode\":\"{county}\",\"year\":{year},\"opensAt\":\"{opensAt}\","
                    + "\"closesAt\":\"{closesAt}\"}", SURVEY_SUPERVISORS).changesState(), // one per county and year
            row("POST", "/api/v1/surveys/{survey}/invitations", "{\"schoolCode\":\"{school}\",\"group\":\"PARENT\","
                    + "\"count\":1}", SURVEY_SUPERVISORS),
            row("GET", "/api/v1/surveys/{survey}/results", ABOVE_COUNTY),
            row("POST", "/api/v1/surveys/{survey}/open", null, SURVEY_SUPERVISORS).changesState());

    static World world;

    @BeforeAll
    static void ready() {
        world = SystemStack.world();
        List.of(world.a, world.b).forEach(ScopingMatrix::tokens); // the REVIEWER and DEPARTMENT accounts
        // the approved reports have reached indicator-service (school.reports.v1) before reads are judged
        for (World.Side side : List.of(world.a, world.b)) {
            Awaitility.await("indicator-service holds the approved report of " + side.county)
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                            World.as(side.tokens.get(COUNTY_ADMIN))
                                    .get("/api/v1/schools/" + side.schools.get(1) + "/indicators/" + World.YEAR
                                            + "?ruleSet=QUALITY_2017").statusCode() == 200);
        }
    }

    @TestFactory
    @org.junit.jupiter.api.Order(1)
    Stream<DynamicTest> crossJurisdictionIsInvisibleAndUnchangeable() {
        Map<String, String> before = snapshot();
        List<DynamicTest> tests = ScopingMatrix.otherProvince(world, CALLERS, TABLE, ScopingMatrixTest::send);
        // nothing of either side changed
        tests.add(DynamicTest.dynamicTest("nothing changed across provinces", () ->
                assertEquals(before, snapshot())));
        return tests.stream();
    }

    @TestFactory
    @org.junit.jupiter.api.Order(2)
    Stream<DynamicTest> ownJurisdictionFollowsTheRoles() {
        return ScopingMatrix.ownProvince(world, CALLERS, TABLE, ScopingMatrixTest::send);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void everyRowIsRunOrSaysWhyNot() {
        for (Row row : TABLE) {
            assertTrue(row.disabled() == null || !row.disabled().isBlank(), row + " is disabled without a reason");
            assertTrue(!row.allowed().isEmpty(), row + " allows nobody");
        }
    }

    /** What the system administrator sees of both sides: must not change by anything the other side sends. */
    static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (World.Side side : List.of(world.a, world.b)) {
            for (String path : List.of("/api/v1/jurisdictions/" + side.county,
                    "/api/v1/schools/" + side.school0(),
                    "/api/v1/schools/" + side.schools.get(1),
                    "/api/v1/schools/" + side.school0() + "/reports/" + World.YEAR + "/history",
                    "/api/v1/schools/" + side.schools.get(1) + "/reports/" + World.YEAR + "/history",
                    "/api/v1/surveys/" + side.surveyId,
                    "/api/v1/surveys/" + side.surveyId + "/invitations",
                    "/api/v1/surveys?countyCode=" + side.county,
                    "/api/v1/counties/" + side.county + "/reports/" + World.YEAR + "/import")) {
                Response r = World.as(world.adminToken).get(path);
                state.put(path, r.statusCode() + " " + r.asString());
            }
        }
        return state;
    }

    static Response send(String token, Row row, World.Side target) {
        RequestSpecification request = World.as(token);
        if (row.body() == null && row.method().equals("POST")) {
            request = request.contentType(ContentType.JSON); // an action without a body, as a browser's fetch sends it
        } else if (row.body() != null) {
            request = request.contentType(ContentType.JSON)
                    .body(row.body().equals("@report") ? World.resource("fixture/report.json") : fill(row.body(), target));
        }
        return request.request(row.method(), fill(row.path(), target));
    }

    static String fill(String template, World.Side side) {
        return template.replace("{province}", side.province)
                .replace("{city}", side.city)
                .replace("{countyName}", side.countyName)
                .replace("{countyAdmin}", side.users.get(COUNTY_ADMIN))
                .replace("{county}", side.county)
                .replace("{approvedSchool}", side.schools.get(1))
                .replace("{school}", side.school0())
                .replace("{survey}", side.surveyId)
                .replace("{year}", Integer.toString(World.YEAR))
                .replace("{opensAt}", Instant.now().plus(1, ChronoUnit.DAYS).toString())
                .replace("{closesAt}", Instant.now().plus(30, ChronoUnit.DAYS).toString())
                .replace("{unique}", "m" + System.nanoTime() % 1_000_000 + "x" + UNIQUE.incrementAndGet());
    }
}
