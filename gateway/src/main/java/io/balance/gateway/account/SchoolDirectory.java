package io.balance.gateway.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks school-service which county a school belongs to, with the caller's own token: school-service answers 404
 * for a school outside the caller's jurisdiction, so the answer doubles as the jurisdiction check.
 */
@ApplicationScoped
public class SchoolDirectory {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    io.balance.gateway.routing.ServiceEndpoints endpoints;
    @Inject
    ObjectMapper json;

    /** The school's county code, or null if the caller may not know the school (404). */
    public String countyOf(String schoolCode, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(endpoints.school().url().resolve("/api/v1/schools/" + schoolCode))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw unavailable();
        }
        try {
            JsonNode school = json.readTree(response.body());
            String county = school.path("countyCode").asText(null);
            if (county == null || !county.matches("\\d{6}")) {
                throw unavailable();
            }
            return county;
        } catch (IOException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                "school-service could not confirm the school; try again shortly", null);
    }
}
