package io.balance.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.client.ApiClient;
import io.balance.client.ApiException;
import io.balance.client.api.BalanceApi;
import io.balance.client.model.ClientCreated;
import io.balance.client.model.Evaluation;
import io.balance.client.model.IndicatorDetail;
import io.balance.client.model.NewClient;
import io.balance.client.model.SchoolIndicators;
import io.balance.client.model.StageDetail;
import io.balance.client.model.TokenRequest;
import io.balance.client.model.TokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A province's integration team with nothing but the generated client (province-client, from the merged OpenAPI
 * document): its province administrator creates an INTEGRATION client, the province system signs in with it and
 * reads county 410329's evaluation and school 4103290002's indicators through the gateway. The school's figures
 * are computed by hand from fixture/report.json (2,150 primary pupils, the only approved report of the county).
 */
@ExtendWith(SystemStack.class)
@Order(6)
class ProvinceClientTest {
    private static final String SCHOOL = "4103290002"; // World: school 1 of side a, APPROVED 2025
    private static final String RULE_SET = "QUALITY_2017";

    @Test
    void aProvinceSystemSignsInAndReadsThroughTheGeneratedClient() throws Exception {
        World.Side a = SystemStack.world().a;
        // the province administrator creates the province system's client; its secret is in this answer only
        String clientId = "province-system-" + a.province;
        ClientCreated created = api(a.tokens.get(io.balance.contracts.Role.PROVINCE_ADMIN)).createClient(
                new NewClient().clientId(clientId).role("INTEGRATION").jurisdiction(a.province));
        assertEquals(clientId, created.getClientId());
        assertEquals("INTEGRATION", created.getRole());
        assertNotNull(created.getClientSecret());
        // the province system signs in with nothing but the generated client
        TokenResponse token = api(null).issueToken(
                new TokenRequest().clientId(clientId).clientSecret(created.getClientSecret()));
        assertEquals("Bearer", token.getTokenType());
        assertEquals(3600L, token.getExpiresIn().longValue());
        BalanceApi province = api(token.getAccessToken());

        // the approved report reaches indicator-service over Kafka; the fixture does not wait for it
        Awaitility.await("county " + a.county + " evaluated on its approved report").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> basedOnReports(province, a.county) == 1);
        Evaluation evaluation = province.getCountyEvaluation(a.county, String.valueOf(World.YEAR), RULE_SET);
        assertEquals(a.county, evaluation.getCountyCode());
        assertEquals(a.countyName, evaluation.getCountyName());
        assertEquals(RULE_SET, evaluation.getRuleSet());
        var primary = evaluation.getStages().get("PRIMARY");
        assertEquals(1, primary.getIncludedSchools());
        // one school: the county value X̄ is the school's own value
        assertEquals(5.3488, primary.getIndicators().get("R1").getCountyValue(), 1e-9); // 115 / 2150 × 100
        assertEquals(4.125, primary.getIndicators().get("R5").getCountyValue(), 1e-9); // 8868.8 m² / 2150
        assertEquals(1, primary.getIndicators().get("R5").getSchoolsBelowStandard()); // 4.125 < 7.5
        assertEquals(0, primary.getIndicators().get("R1").getSchoolsBelowStandard());
        assertEquals(42, primary.getFigures().getClasses());
        assertEquals(0, primary.getFigures().getLargeClasses()); // 52 at most, large is 56+
        assertEquals(0, primary.getFigures().getCompliant()); // R5 under 85 % of its standard

        SchoolIndicators school = province.getSchoolIndicators(SCHOOL, String.valueOf(World.YEAR), RULE_SET);
        assertEquals(SCHOOL, school.getSchoolCode());
        assertEquals(a.county, school.getCountyCode());
        assertEquals(1, school.getStages().size());
        StageDetail stage = school.getStages().get(0);
        assertEquals("PRIMARY", stage.getStage());
        assertEquals(2150, stage.getStudents());
        assertEquals(1.0, stage.getShare(), 1e-9);
        Map<String, IndicatorDetail> indicators = stage.getIndicators();
        // value, standard (primary), meets
        expect(indicators.get("R1"), 5.3488, 4.2, true); // 115 teachers above the required degree / 2150 × 100
        expect(indicators.get("R2"), 1.2093, 1.0, true); // 26 backbone / 2150 × 100
        expect(indicators.get("R3"), 1.2558, 0.9, true); // 27 PE, art, music / 2150 × 100
        expect(indicators.get("R4"), 6.078, 4.5, true); // 13067.6 m² / 2150
        expect(indicators.get("R5"), 4.125, 7.5, false); // 8868.8 m² / 2150
        expect(indicators.get("R6"), 2244.9767, 2000, true); // 4,826,700 yuan / 2150
        expect(indicators.get("R7"), 2.9767, 2.3, true); // 64 rooms / 2150 × 100
        assertEquals(6.375, indicators.get("R5").getFloor(), 1e-9); // 85 % of 7.5
        assertFalse(indicators.get("R5").getMeetsFloor());
        assertNull(indicators.get("R1").getGap());
        assertEquals(6, stage.getMeetsCount());
        assertFalse(stage.getComplies(), "6 of 7 meet, but R5 is under 85 % of its standard");
    }

    /** The document the build merged from the stored documents is the one the gateway serves. */
    @Test
    void theGatewayServesTheDocumentTheClientWasGeneratedFrom() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path root = Path.of(System.getProperty("balance.repo.root", "..")).toAbsolutePath().normalize();
        JsonNode built = json.readTree(Files.readString(root.resolve("province-client/target/openapi.json")));
        JsonNode served = json.readTree(served());
        // what the gateway serves is what the build merged, path for path and schema for schema
        served.path("paths").fields().forEachRemaining(p -> assertEquals(built.path("paths").get(p.getKey()), p.getValue(),
                "path " + p.getKey()));
        served.path("components").path("schemas").fields().forEachRemaining(c -> assertEquals(
                built.path("components").path("schemas").get(c.getKey()), c.getValue(), "schema " + c.getKey()));
        if (!served.path("info").has("x-balance-unavailable")) {
            assertEquals(built.get("paths"), served.get("paths"));
            assertEquals(built.get("components"), served.get("components"));
        } // else a service this stack does not start (supervision) is left out at run time, and only that
        assertTrue(served.path("paths").size() >= 20, "the served document is nearly empty");
    }

    /** The merged document as the gateway serves it: {@code /openapi?format=json}, formerly {@code /q/openapi}. */
    private static String served() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String gateway = SystemStack.stack().service("gateway").url();
        for (String path : new String[] {"/openapi?format=json", "/q/openapi"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response.body();
            }
        }
        throw new AssertionError("the gateway serves no merged OpenAPI document");
    }

    private static void expect(IndicatorDetail indicator, double value, double standard, boolean meets) {
        assertEquals(value, indicator.getValue(), 1e-9, indicator.getName());
        assertEquals(standard, indicator.getStandard(), 1e-9, indicator.getName());
        assertEquals(meets, indicator.getMeets(), indicator.getName());
    }

    private static int basedOnReports(BalanceApi api, String county) throws ApiException {
        try {
            return api.getCountyEvaluation(county, String.valueOf(World.YEAR), RULE_SET).getBasedOnReports();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return -1; // indicator-service has not heard of the county yet
            }
            throw e;
        }
    }

    /** The generated client pointed at the gateway, with a bearer token when given. */
    private static BalanceApi api(String token) {
        ApiClient http = new ApiClient();
        // the JDK client's default: HTTP/2 over cleartext (h2c), as a province's integration would run it
        http.updateBaseUri(SystemStack.stack().service("gateway").url());
        if (token != null) {
            http.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new BalanceApi(http);
    }
}
