package io.balance.school;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events leave through the transactional outbox and reach the real broker, also after Kafka was down. */
@QuarkusTest
class OutboxKafkaTest {
    static final String COUNTY = "450301";

    @Test
    void registryChangesAndApprovalsArePublishedKeyedWithRevisions() {
        Api.county(COUNTY);
        Api.as(Api.admin()).body(Map.of("name", "县450301", "level", "COUNTY", "parentCode", "450300",
                "residentPopulation", 360000, "urbanPopulation", 120000, "townPopulation", 100000,
                "ruralPopulation", 140000)).put("/api/v1/jurisdictions/" + COUNTY).then().statusCode(200);
        String school = "4503010001";
        Api.school(school, COUNTY, "PRIMARY");
        String url = "/api/v1/schools/" + school + "/reports/2025";
        Api.as(Api.admin()).body(Api.primaryReport().toString()).put(url).then().statusCode(201);
        Api.as(Api.admin()).post(url + "/submit").then().statusCode(200);
        Api.as(Api.admin()).post(url + "/approve").then().statusCode(200);

        var jurisdictions = Topic.read(Topics.JURISDICTIONS, e -> COUNTY.equals(e.key()), 2, Duration.ofSeconds(60));
        assertEquals(List.of(1L, 2L), jurisdictions.stream().map(e -> e.payload().get("revision").asLong()).toList());
        assertEquals(360000, jurisdictions.get(1).payload().get("residentPopulation").asInt());
        // the survey splits its sample by location in proportion to these (城区 / 镇区 / 乡村)
        assertEquals(120000, jurisdictions.get(1).payload().get("urbanPopulation").asInt());
        assertEquals(100000, jurisdictions.get(1).payload().get("townPopulation").asInt());
        assertEquals(140000, jurisdictions.get(1).payload().get("ruralPopulation").asInt());
        assertEquals("450300", jurisdictions.get(1).payload().get("parentCode").asText());

        var schools = Topic.read(Topics.SCHOOL_REGISTRY, e -> school.equals(e.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, schools.size());
        assertEquals("PRIMARY", schools.get(0).payload().get("school").get("type").asText());

        var approved = Topic.read(Topics.SCHOOL_REPORTS, e -> school.equals(e.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, approved.size());
        var event = approved.get(0).payload();
        assertEquals(1, event.get("revision").asInt());
        assertEquals(2025, event.get("year").asInt());
        assertEquals("admin", event.get("approvedBy").asText());
        assertEquals(40, event.get("report").get("teachers").get("PRIMARY").get("fullTime").asInt());
        assertEquals(List.of(45, 44, 43), Api.JSON.convertValue(event.get("report").get("classSizes").get("PRIMARY"), List.class));
        assertEquals(COUNTY, event.get("school").get("countyCode").asText());
        assertEquals(event.get("eventId").asText(), approved.get(0).eventIdHeader());

        var ids = new HashSet<String>();
        for (var e : List.of(jurisdictions.get(0), jurisdictions.get(1), schools.get(0), approved.get(0))) {
            assertTrue(ids.add(e.payload().get("eventId").asText()), "event ids are unique");
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndTheEventsArriveOnceWhenItIsBack() {
        Api.county(COUNTY);
        String school = "4503010002";
        Api.school(school, COUNTY, "PRIMARY");
        String url = "/api/v1/schools/" + school + "/reports/2025";
        Api.as(Api.admin()).body(Api.primaryReport().toString()).put(url).then().statusCode(201);
        Api.as(Api.admin()).post(url + "/submit").then().statusCode(200);

        EmbeddedInfra.kafka().stop();
        try {
            Api.as(Api.admin()).body(Map.of("name", "停机时改名的学校", "countyCode", COUNTY, "type", "PRIMARY",
                    "location", "TOWN", "publicSchool", true, "boarding", false))
                    .put("/api/v1/schools/" + school).then().statusCode(200).body("revision", equalTo(2));
            Api.as(Api.admin()).post(url + "/approve").then().statusCode(200);
            // the relay cannot deliver: the backlog shows in readiness, which stays UP
            await().atMost(Duration.ofSeconds(20)).until(() -> Management.given().get("/q/health/ready").jsonPath()
                    .getInt("checks.find { it.name == 'outbox-relay' }.data.backlog") >= 2);
            Management.given().get("/q/health/ready").then().statusCode(200);
        } finally {
            EmbeddedInfra.kafka().start();
        }

        var renamed = Topic.read(Topics.SCHOOL_REGISTRY,
                e -> school.equals(e.key()) && e.payload().get("revision").asInt() == 2, 1, Duration.ofSeconds(90));
        assertEquals(1, renamed.size(), "the school change arrives exactly once");
        assertEquals("停机时改名的学校", renamed.get(0).payload().get("school").get("name").asText());
        var approved = Topic.read(Topics.SCHOOL_REPORTS, e -> school.equals(e.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, approved.size(), "the approval arrives exactly once");
        assertEquals("停机时改名的学校", approved.get(0).payload().get("school").get("name").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> Management.given().get("/q/health/ready").jsonPath()
                .getInt("checks.find { it.name == 'outbox-relay' }.data.backlog") == 0);
    }
}
