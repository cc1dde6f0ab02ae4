package io.balance.system;

import static io.restassured.RestAssured.given;

import io.balance.contracts.Role;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The fixture, built through the gateway only, the way a province would set itself up: two provinces, each with
 * one city and one county holding two schools. The system administrator creates the provinces and their
 * administrators; each province administrator creates its county administrator and its integration client; each
 * county administrator creates its school reporter and viewer. Everyone signs in at {@code /api/v1/auth/token}.
 * School 0 of each county has a 2025 DRAFT report, school 1 an APPROVED one; each county has a survey campaign.
 */
public final class World {
    public static final String PASSWORD = "correct horse battery";
    public static final int YEAR = 2025;

    /** One province's side of the world. */
    public static final class Side {
        public final String province;
        public final String city;
        public final String county;
        public final String countyName;
        public final List<String> schools;
        public final Map<Role, String> users = new EnumMap<>(Role.class);
        public final Map<Role, String> tokens = new EnumMap<>(Role.class);
        public String clientSecret;
        public String surveyId;

        Side(String province, String city, String county, String countyName, List<String> schools) {
            this.province = province;
            this.city = city;
            this.county = county;
            this.countyName = countyName;
            this.schools = schools;
        }

        public String school0() {
            return schools.get(0);
        }

        /** Identifiers of this side that must never appear in an answer to the other side. */
        public List<String> secrets() {
            return List.of(county, countyName, schools.get(0), schools.get(1));
        }
    }

    public final String adminToken;
    public final Side a;
    public final Side b;

    private World(String adminToken, Side a, Side b) {
        this.adminToken = adminToken;
        this.a = a;
        this.b = b;
    }

    public Side other(Side side) {
        return side == a ? b : a;
    }

    static World build(Duration eventWait) {
        String admin = signIn("admin", "admin");
        Side a = new Side("410000", "410300", "410329", "伊川县", List.of("4103290001", "4103290002"));
        Side b = new Side("420000", "420100", "420102", "江岸区", List.of("4201020001", "4201020002"));
        setUp(admin, a, "河南省", "洛阳市");
        setUp(admin, b, "湖北省", "武汉市");
        for (Side side : List.of(a, b)) {
            // survey-service learns counties and schools from school-service's events
            Awaitility.await("survey-service knows county " + side.county).atMost(eventWait)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        // the supervising level creates the county's campaign, never the county itself
                        Response r = as(side.tokens.get(Role.PROVINCE_ADMIN)).contentType(ContentType.JSON)
                                .body(Map.of("countyCode", side.county, "year", YEAR,
                                        "opensAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                        "closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                                .post("/api/v1/surveys");
                        if (r.statusCode() == 201) {
                            side.surveyId = r.jsonPath().getString("id");
                            return true;
                        }
                        return false;
                    });
        }
        return new World(admin, a, b);
    }

    private static void setUp(String admin, Side side, String provinceName, String cityName) {
        put(admin, "/api/v1/jurisdictions/" + side.province, Map.of("name", provinceName, "level", "PROVINCE"));
        put(admin, "/api/v1/jurisdictions/" + side.city,
                Map.of("name", cityName, "level", "CITY", "parentCode", side.province));
        put(admin, "/api/v1/jurisdictions/" + side.county, Map.of("name", side.countyName, "level", "COUNTY",
                "parentCode", side.city, "residentPopulation", 520000));
        for (int i = 0; i < side.schools.size(); i++) {
            put(admin, "/api/v1/schools/" + side.schools.get(i), school(side.county, side.countyName + "第" + (i + 1) + "小学"));
        }
        String p = side.province;
        String c = side.county;
        createUser(admin, side, Role.PROVINCE_ADMIN, "pa-" + p, p);
        String provinceAdmin = side.tokens.get(Role.PROVINCE_ADMIN);
        createUser(provinceAdmin, side, Role.COUNTY_ADMIN, "ca-" + c, c);
        String countyAdmin = side.tokens.get(Role.COUNTY_ADMIN);
        createUser(countyAdmin, side, Role.SCHOOL_REPORTER, "rep-" + side.schools.get(0), side.schools.get(0));
        createUser(countyAdmin, side, Role.VIEWER, "view-" + c, c);
        side.users.put(Role.INTEGRATION, "int-" + p);
        side.clientSecret = as(provinceAdmin).contentType(ContentType.JSON)
                .body(Map.of("clientId", "int-" + p, "role", "INTEGRATION", "jurisdiction", p))
                .post("/api/v1/clients").then().statusCode(201).extract().path("clientSecret");
        side.tokens.put(Role.INTEGRATION, given().contentType(ContentType.JSON)
                .body(Map.of("clientId", "int-" + p, "clientSecret", side.clientSecret))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken"));
        side.tokens.put(Role.SYSTEM_ADMIN, admin);

        // school 0: a draft written by its own reporter; school 1: approved by the county
        String report = resource("fixture/report.json");
        as(side.tokens.get(Role.SCHOOL_REPORTER)).contentType(ContentType.JSON).body(report)
                .put("/api/v1/schools/" + side.schools.get(0) + "/reports/" + YEAR).then().statusCode(201);
        String approved = "/api/v1/schools/" + side.schools.get(1) + "/reports/" + YEAR;
        as(countyAdmin).contentType(ContentType.JSON).body(report).put(approved).then().statusCode(201);
        as(countyAdmin).post(approved + "/submit").then().statusCode(200);
        as(countyAdmin).post(approved + "/approve").then().statusCode(200);
    }

    private static void createUser(String creator, Side side, Role role, String username, String jurisdiction) {
        as(creator).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "role", role.name(), "jurisdiction", jurisdiction))
                .post("/api/v1/users").then().statusCode(201);
        side.users.put(role, username);
        side.tokens.put(role, signIn(username, PASSWORD));
    }

    static Map<String, Object> school(String county, String name) {
        return Map.of("name", name, "countyCode", county, "type", "PRIMARY", "location", "URBAN",
                "publicSchool", true, "boarding", false);
    }

    static void put(String token, String path, Object body) {
        int status = as(token).contentType(ContentType.JSON).body(body).put(path).statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError("PUT " + path + " answered " + status);
        }
    }

    public static String signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    public static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static String resource(String name) {
        try (InputStream in = World.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
