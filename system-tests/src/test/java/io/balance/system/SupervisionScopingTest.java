package io.balance.system;

import static io.balance.contracts.Role.COUNTY_ADMIN;
import static io.balance.contracts.Role.DEPARTMENT;
import static io.balance.contracts.Role.INTEGRATION;
import static io.balance.contracts.Role.PROVINCE_ADMIN;
import static io.balance.contracts.Role.REVIEWER;
import static io.balance.contracts.Role.SCHOOL_REPORTER;
import static io.balance.contracts.Role.VIEWER;

import io.balance.contracts.Role;
import io.balance.system.ScopingMatrix.Row;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scoping matrix for the supervision endpoints and the roles that came with them: a city REVIEWER (督学) and a
 * county DEPARTMENT officer (责任单位) beside the fixture's roles, in both provinces. Whoever is evaluated never judges
 * itself: the county does not verify (销号) its problems, decide its review stage or review its flagged survey
 * answers; a department officer changes only what is assigned to its department; a reviewer acts only under its
 * jurisdiction (the other province: 403/404). Rows that move a state machine run only for the roles they refuse.
 * The runner is {@link ScopingMatrix}, shared with {@link ScopingMatrixTest} (which runs the new roles through the
 * fixture's whole table).
 */
@ExtendWith(SystemStack.class)
@Order(7)
class SupervisionScopingTest {
    static final Set<Role> CALLERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT, SCHOOL_REPORTER,
            VIEWER, INTEGRATION);
    static final Set<Role> COUNTY_READERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT, VIEWER,
            INTEGRATION);
    static final Set<Role> ADMINS = EnumSet.of(PROVINCE_ADMIN, COUNTY_ADMIN);
    static final Set<Role> SUPERVISORS = EnumSet.of(PROVINCE_ADMIN, REVIEWER);
    static final Set<Role> LEDGER_WRITERS = EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN, DEPARTMENT);

    static Row row(String method, String path, String body, Set<Role> allowed) {
        return ScopingMatrix.row(method, path, body, allowed);
    }

    static Row action(String method, String path, String body, Set<Role> allowed) {
        return ScopingMatrix.action(method, path, body, allowed);
    }

    static final String DEPARTMENTS = ScopingMatrix.DEPARTMENTS;

    static final String TARGETS = "{\"ruleSet\":\"QUALITY_2017\",\"targets\":[]}";

    static final List<Row> TABLE = List.of(
            row("GET", "/api/v1/counties/{county}/departments", null, COUNTY_READERS),
            row("PUT", "/api/v1/counties/{county}/departments", DEPARTMENTS, ADMINS),
            row("GET", "/api/v1/counties/{county}/targets", null, COUNTY_READERS),
            row("PUT", "/api/v1/counties/{county}/targets", TARGETS, ADMINS),
            row("GET", "/api/v1/counties/{county}/targets/progress?year={year}", null, COUNTY_READERS),
            row("GET", "/api/v1/counties/{county}/plan-items", null, COUNTY_READERS),
            row("GET", "/api/v1/counties/{county}/problems?year={year}", null, COUNTY_READERS),
            // a department files problems for its own department only
            row("POST", "/api/v1/counties/{county}/problems", "{\"year\":{year},\"title\":\"操场面积不足\","
                    + "\"department\":\"FIN\"}", LEDGER_WRITERS),
            row("POST", "/api/v1/counties/{county}/problems", "{\"year\":{year},\"title\":\"教师不足\","
                    + "\"department\":\"HR\"}", EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN)),
            row("GET", "/api/v1/problems/{finProblem}", null, COUNTY_READERS),
            // a department officer changes the owner of its own problems, never another department's
            row("PATCH", "/api/v1/problems/{finProblem}", "{\"owner\":\"张老师\"}", LEDGER_WRITERS),
            row("PATCH", "/api/v1/problems/{hrProblem}", "{\"owner\":\"李老师\"}",
                    EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN)),
            action("POST", "/api/v1/problems/{finProblem}/rectified", "{\"note\":\"已整改\",\"evidence\":[\"{evidence}\"]}",
                    EnumSet.of(PROVINCE_ADMIN, COUNTY_ADMIN, DEPARTMENT)),
            action("POST", "/api/v1/problems/{hrProblem}/rectified", "{\"note\":\"已整改\",\"evidence\":[\"{evidence}\"]}",
                    EnumSet.of(PROVINCE_ADMIN, COUNTY_ADMIN)),
            // 销号: only the supervising level, never the county or its departments
            action("POST", "/api/v1/problems/{finProblem}/verify", "{\"note\":\"核实\"}", SUPERVISORS),
            action("POST", "/api/v1/problems/{finProblem}/reopen", "{\"note\":\"未完成\"}",
                    EnumSet.of(PROVINCE_ADMIN, REVIEWER, COUNTY_ADMIN)),
            row("GET", "/api/v1/evidence/{evidence}", null, COUNTY_READERS),
            row("GET", "/api/v1/counties/{county}/reviews/{year}", null, COUNTY_READERS),
            // the county submits; never decides its own stage or publishes
            action("POST", "/api/v1/counties/{county}/reviews/{year}/submit", "{\"comments\":\"自评完成\"}",
                    EnumSet.of(COUNTY_ADMIN)),
            action("POST", "/api/v1/counties/{county}/reviews/{year}/decision", "{\"decision\":\"PASS\",\"comments\":\"通过\"}",
                    SUPERVISORS),
            action("POST", "/api/v1/counties/{county}/reviews/{year}/publish", "{\"days\":5}", EnumSet.of(PROVINCE_ADMIN)),
            action("POST", "/api/v1/counties/{county}/reviews/{year}/inspections", "{\"schoolCode\":\"{school}\","
                    + "\"inspector\":\"王督学\",\"date\":\"2025-10-01\",\"observed\":{\"facilities.sportsAreaM2\":5200}}",
                    SUPERVISORS),
            row("GET", "/api/v1/counties/{county}/reviews/{year}/inspections", null, COUNTY_READERS),
            row("GET", "/api/v1/counties/{county}/reviews/{year}/objections", null, COUNTY_READERS),
            // the county never reviews its own survey's flagged answers
            row("GET", "/api/v1/surveys/{survey}/flagged", null, SUPERVISORS),
            row("GET", "/api/v1/surveys/{survey}/reviews", null, SUPERVISORS),
            action("POST", "/api/v1/surveys/{survey}/flagged/1/review", "{\"decision\":\"ACCEPT\",\"reason\":\"核实\"}",
                    SUPERVISORS));

    /** Per side: the ids made for the table. */
    static final Map<World.Side, Map<String, String>> IDS = new HashMap<>();
    static World world;
    /** A 1×1 PNG: evidence files are PDF, PNG, JPEG, XLSX or DOCX. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @BeforeAll
    static void setUp() {
        world = SystemStack.world();
        for (World.Side side : List.of(world.a, world.b)) {
            ScopingMatrix.tokens(side); // the REVIEWER and DEPARTMENT accounts, shared with ScopingMatrixTest
            World.put(side.tokens.get(COUNTY_ADMIN), "/api/v1/counties/" + side.county + "/targets", TARGETS);

            Map<String, String> ids = new HashMap<>();
            String county = side.tokens.get(COUNTY_ADMIN);
            for (String dept : List.of("FIN", "HR")) {
                ids.put(dept.equals("FIN") ? "{finProblem}" : "{hrProblem}", World.as(county).contentType(ContentType.JSON)
                        .body(Map.of("year", World.YEAR, "title", "生均体育场馆面积不足 " + dept, "department", dept))
                        .post("/api/v1/counties/" + side.county + "/problems").then().statusCode(201)
                        .extract().path("id").toString());
            }
            ids.put("{evidence}", World.as(county).multiPart("file", "整改照片.png", PNG, "image/png")
                    .post("/api/v1/problems/" + ids.get("{finProblem}") + "/evidence").then().statusCode(201)
                    .extract().path("id").toString());
            IDS.put(side, ids);
        }
    }

    @TestFactory
    @org.junit.jupiter.api.Order(1)
    Stream<DynamicTest> otherProvinceIsInvisibleAndUnchangeable() {
        return ScopingMatrix.otherProvince(world, CALLERS, TABLE, SupervisionScopingTest::send).stream();
    }

    @TestFactory
    @org.junit.jupiter.api.Order(2)
    Stream<DynamicTest> ownCountyFollowsTheRoles() {
        return ScopingMatrix.ownProvince(world, CALLERS, TABLE, SupervisionScopingTest::send);
    }

    static Response send(String token, Row row, World.Side target) {
        RequestSpecification request = World.as(token).contentType(ContentType.JSON);
        if (row.body() != null) {
            request = request.body(fill(row.body(), target));
        }
        return request.request(row.method(), fill(row.path(), target));
    }

    static String fill(String template, World.Side side) {
        String filled = template;
        for (Map.Entry<String, String> id : IDS.get(side).entrySet()) {
            filled = filled.replace(id.getKey(), id.getValue());
        }
        return filled.replace("{county}", side.county)
                .replace("{school}", side.schools.get(1))
                .replace("{survey}", side.surveyId)
                .replace("{year}", Integer.toString(World.YEAR));
    }
}
