package io.balance.survey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.balance.contracts.JurisdictionChangedV1;
import io.balance.contracts.SchoolChangedV1;
import io.balance.contracts.SchoolV1;
import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: registry events to the real broker, tokens, campaigns, invitations, answers. */
public final class Fixtures {
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    private static TopicWriter writer;

    private Fixtures() {
    }

    public static String token(String role, String jurisdiction) {
        return EmbeddedInfra.keys().mint(role.toLowerCase() + "-" + jurisdiction, role, jurisdiction);
    }

    public static String admin() {
        return EmbeddedInfra.keys().mint("admin", "SYSTEM_ADMIN", null);
    }

    /** A reviewer (督学) of the county's city: the supervising level that runs the county's survey. */
    public static String reviewer(String county) {
        return token("REVIEWER", county.substring(0, 4) + "00");
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** A fresh client address (its own /24) so the per-range rate limit of one test does not touch another. */
    public static String freshAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10." + (n / 250 % 250) + "." + (n % 250) + ".7";
    }

    private static synchronized TopicWriter writer() {
        if (writer == null) {
            writer = new TopicWriter();
        }
        return writer;
    }

    /** Publishes {@code event} as JSON, as school-service would, and waits until the broker has it. */
    public static void send(String topic, String key, Object event) {
        try {
            writer().send(topic, key, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record SchoolSpec(String code, String name, String location) {
    }

    /**
     * Publishes a county and its schools as school-service would and waits until the survey service's
     * read model has them.
     */
    public static void county(String code, long population, List<SchoolSpec> schools) {
        county(code, population, null, schools);
    }

    /** With the registry's urban / town / rural resident population ({@code split} null: not recorded). */
    public static void county(String code, long population, long[] split, List<SchoolSpec> schools) {
        send(Topics.JURISDICTIONS, code, new JurisdictionChangedV1(UUID.randomUUID().toString(), 1, Instant.now(),
                code, 1, "测试县" + code, "COUNTY", code.substring(0, 4) + "00", population,
                split == null ? null : split[0], split == null ? null : split[1], split == null ? null : split[2]));
        for (SchoolSpec s : schools) {
            send(Topics.SCHOOL_REGISTRY, s.code(), new SchoolChangedV1(UUID.randomUUID().toString(), 1, Instant.now(),
                    s.code(), 1, new SchoolV1(s.code(), s.name(), code, "PRIMARY", s.location(), true, false)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM jurisdiction WHERE code = '" + code + "'") == 1
                        && count("SELECT count(*) FROM school WHERE county_code = '" + code + "'") == schools.size());
    }

    /** A county with one urban, one town and two rural schools: codes {county}0001..0004. */
    public static void standardCounty(String code, long population) {
        county(code, population, List.of(new SchoolSpec(code + "0001", "城关第一小学", "URBAN"),
                new SchoolSpec(code + "0002", "镇中心小学", "TOWN"),
                new SchoolSpec(code + "0003", "乡村小学甲", "RURAL"),
                new SchoolSpec(code + "0004", "乡村小学乙", "RURAL")));
    }

    public static Response createSurvey(String token, String county, int year, Instant opens, Instant closes) {
        return as(token).body(Map.of("countyCode", county, "year", year, "opensAt", opens.toString(),
                "closesAt", closes.toString())).post("/api/v1/surveys");
    }

    /** A draft campaign opening in a week; returns its id. */
    public static String draftSurvey(String county, int year) {
        return createSurvey(admin(), county, year, Instant.now().plus(Duration.ofDays(7)),
                Instant.now().plus(Duration.ofDays(30))).then().statusCode(201).extract().path("id");
    }

    public static String openSurvey(String county, int year) {
        String id = draftSurvey(county, year);
        as(admin()).post("/api/v1/surveys/" + id + "/open").then().statusCode(200);
        return id;
    }

    public static List<String> invite(String surveyId, String school, String group, int count) {
        return as(admin()).body(school == null ? Map.of("group", group, "count", count)
                        : Map.of("schoolCode", school, "group", group, "count", count))
                .post("/api/v1/surveys/" + surveyId + "/invitations")
                .then().statusCode(201).extract().jsonPath().getList("codes", String.class);
    }

    /** Fetches the questionnaire (starting the timing) and returns its item ids. */
    public static List<String> fetchItems(String code) {
        return given().header("X-Forwarded-For", freshAddress()).get("/api/v1/public/questionnaires/" + code)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    /** Makes it look as if the respondent opened the questionnaire {@code seconds} ago (a careful reader). */
    public static void openedAgo(String code, long seconds) {
        update("UPDATE invitation SET first_opened_at = now() - make_interval(secs => " + seconds + ") "
                + "WHERE code_hash = sha256(convert_to('" + code + "', 'UTF8'))");
    }

    /** A submission from a fresh page load (its own submissionId). */
    public static Response submit(String code, Map<String, String> answers, String address) {
        return submit(code, UUID.randomUUID().toString(), answers, address);
    }

    public static Response submit(String code, String submissionId, Map<String, String> answers, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("invitation", code, "submissionId", submissionId, "answers", answers))
                .post("/api/v1/public/responses");
    }

    public static Map<String, String> answers(List<String> items, String... values) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            m.put(items.get(i), values[i % values.length]);
        }
        return m;
    }

    // direct SQL for assertions about what is stored (the API never shows raw rows)
    public static Connection db() throws Exception {
        var pg = EmbeddedInfra.postgres();
        return DriverManager.getConnection(pg.jdbcUrl("survey"), io.balance.infra.EmbeddedPostgresServer.USER,
                io.balance.infra.EmbeddedPostgresServer.PASSWORD);
    }

    public static long count(String sql) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void update(String sql) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
