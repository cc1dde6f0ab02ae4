package io.balance.system;

import static io.balance.contracts.Role.COUNTY_ADMIN;
import static io.balance.contracts.Role.DEPARTMENT;
import static io.balance.contracts.Role.PROVINCE_ADMIN;
import static io.balance.contracts.Role.REVIEWER;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The scoping-matrix runner of {@link ScopingMatrixTest} and {@link SupervisionScopingTest}: a declarative table of
 * endpoints × roles × the fixture's two provinces. Each test brings its table and how a row is filled and sent.
 */
final class ScopingMatrix {
    /** The departments of each county: a DEPARTMENT officer belongs to FIN. */
    static final String DEPARTMENTS = "[{\"code\":\"FIN\",\"name\":\"财政局\"},{\"code\":\"HR\",\"name\":\"人社局\"}]";
    private static final Map<World.Side, Map<Role, String>> TOKENS = new HashMap<>();

    private ScopingMatrix() {
    }

    /**
     * One endpoint. {@code allowed}: roles that succeed within their own jurisdiction. {@code stateful}: moves a state
     * machine, so allowed roles are not run here (the end-to-end tests walk them). {@code list}: answers with what
     * the caller may see, so a 2xx is fine across provinces as long as it names nothing of the other side.
     * {@code disabled}: why the row is not run (never a silent pass).
     */
    record Row(String method, String path, String body, Set<Role> allowed, boolean stateful, boolean list,
               String disabled) {
        Row changesState() {
            return new Row(method, path, body, allowed, true, list, disabled);
        }

        Row asList() {
            return new Row(method, path, body, allowed, stateful, true, disabled);
        }

        Row disabledBecause(String reason) {
            return new Row(method, path, body, allowed, stateful, list, reason);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Row row(String method, String path, String body, Set<Role> allowed) {
        return new Row(method, path, body, allowed, false, false, null);
    }

    /** A row that moves a state machine: only the roles it refuses are run. */
    static Row action(String method, String path, String body, Set<Role> allowed) {
        return row(method, path, body, allowed).changesState();
    }

    /** Sends a row's request, its placeholders filled from the target side. */
    interface Sender {
        Response send(String token, Row row, World.Side target);
    }

    /**
     * Per side: the fixture's tokens plus a city REVIEWER (督学) and a county DEPARTMENT officer (责任单位, FIN),
     * made once for every matrix test.
     */
    static synchronized Map<Role, String> tokens(World.Side side) {
        return TOKENS.computeIfAbsent(side, s -> {
            Map<Role, String> tokens = new EnumMap<>(s.tokens);
            String unique = Long.toString(System.nanoTime() % 1_000_000, 36);
            String reviewer = "rev-" + s.city + "-" + unique;
            String department = "dep-" + s.county + "-" + unique;
            create(s.tokens.get(PROVINCE_ADMIN), Map.of("username", reviewer, "password", World.PASSWORD,
                    "role", "REVIEWER", "jurisdiction", s.city));
            World.put(s.tokens.get(COUNTY_ADMIN), "/api/v1/counties/" + s.county + "/departments", DEPARTMENTS);
            create(s.tokens.get(COUNTY_ADMIN), Map.of("username", department, "password", World.PASSWORD,
                    "role", "DEPARTMENT", "jurisdiction", s.county, "department", "FIN"));
            tokens.put(REVIEWER, World.signIn(reviewer, World.PASSWORD));
            tokens.put(DEPARTMENT, World.signIn(department, World.PASSWORD));
            return tokens;
        });
    }

    private static void create(String creator, Map<String, String> body) {
        World.as(creator).contentType(ContentType.JSON).body(body).post("/api/v1/users").then().statusCode(201);
    }

    /**
     * Every role of each province against every row aimed at the other province: 403 or 404; a list may answer 2xx
     * if it names nothing of the other side.
     */
    static List<DynamicTest> otherProvince(World world, Collection<Role> roles, List<Row> table, Sender sender) {
        List<DynamicTest> tests = new ArrayList<>();
        for (World.Side caller : List.of(world.a, world.b)) {
            World.Side target = world.other(caller);
            for (Role role : roles) {
                for (Row row : table) {
                    if (row.disabled() != null) {
                        continue;
                    }
                    String name = role + "@" + caller.province + " → " + row + " of " + target.province;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Response r = sender.send(tokens(caller).get(role), row, target);
                        int status = r.statusCode();
                        if (row.list() && status >= 200 && status < 300) {
                            assertNoLeak(name, r.asString(), target);
                        } else {
                            assertTrue(status == 403 || status == 404, name + " answered " + status + ": " + r.asString());
                        }
                    }));
                }
            }
        }
        return tests;
    }

    /** Within its own province: the roles a row allows get a 2xx, every other role a 403 or 404. */
    static Stream<DynamicTest> ownProvince(World world, Collection<Role> roles, List<Row> table, Sender sender) {
        List<DynamicTest> tests = new ArrayList<>();
        for (World.Side side : List.of(world.a, world.b)) {
            for (Role role : roles) {
                for (Row row : table) {
                    boolean allowed = row.allowed().contains(role);
                    if (row.disabled() != null || (allowed && row.stateful())) {
                        continue;
                    }
                    String name = role + "@" + side.province + " → " + row + " (own) " + (allowed ? "allowed" : "refused");
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Response r = sender.send(tokens(side).get(role), row, side);
                        int status = r.statusCode();
                        assertTrue(allowed ? status >= 200 && status < 300 : status == 403 || status == 404,
                                name + " answered " + status + ": " + r.asString());
                        if (row.list() && status < 300) {
                            assertNoLeak(name, r.asString(), world.other(side));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    static void assertNoLeak(String name, String body, World.Side other) {
        if (name.contains("/api/v1/audit")) {
            // the audit log names what its own actors tried (paths may name the other side's schools, answered
            // 403/404); it must hold no entry by the other side's actors or about the other side's divisions
            List<Map<String, Object>> items = io.restassured.path.json.JsonPath.from(body).getList("items");
            for (Map<String, Object> item : items) {
                assertTrue(!other.users.containsValue(String.valueOf(item.get("actor"))), name + " revealed " + item);
                String division = String.valueOf(item.get("division"));
                assertTrue(!division.startsWith(other.province.substring(0, 2)), name + " revealed " + item);
            }
            return;
        }
        for (String secret : other.secrets()) {
            assertTrue(!body.contains(secret), name + " revealed " + secret + ": " + body);
        }
        for (String user : other.users.values()) {
            assertTrue(!body.contains("\"" + user + "\""), name + " revealed account " + user + ": " + body);
        }
    }
}
