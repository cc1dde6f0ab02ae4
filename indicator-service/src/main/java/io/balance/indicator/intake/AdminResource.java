package io.balance.indicator.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.indicator.common.Caller;
import io.balance.indicator.common.Params;
import io.balance.indicator.evaluation.FullRecompute;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operator endpoints (SYSTEM_ADMIN; not routed by the gateway, reached on the service itself): consumer status,
 * replay of every topic from the beginning, full re-evaluation.
 */
@Path("/api/v1/indicator/admin")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @Inject
    IntakeConsumer consumer;
    @Inject
    FullRecompute fullRecompute;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper quarkusJson;

    /** The consumer's status, typed for the API (the consumer reports it as a map). */
    public record IntakeStatus(boolean enabled, boolean running, String groupId, List<String> topics,
            long recordsConsumed, String lastBatchAt, boolean replaying, String lastError, String message) {
    }

    /** A finished replay: records re-applied, counties re-evaluated, duration. */
    public record ReplayResult(long records, long countiesReevaluated, long millis) {
    }

    private <T> T typed(Map<String, Object> map, Class<T> type) {
        // tolerate keys the consumer adds later; the record names what the API promises
        return quarkusJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).convertValue(map, type);
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeStatus.class)))
    @Operation(operationId = "getIntakeStatus", summary = "Consumer status (operators, SYSTEM_ADMIN)")
    @GET
    @Path("/intake")
    public IntakeStatus intake() {
        caller.requireSystemAdmin();
        return typed(consumer.status(), IntakeStatus.class);
    }

    /**
     * Clears the read model and rebuilds it from the beginning of every topic; evaluations whose result differs
     * afterwards get a new revision. Answers 200 with the result when done within {@code waitSeconds}, else 202.
     */
    @APIResponse(responseCode = "200", description = "replayed within waitSeconds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayResult.class)))
    @APIResponse(responseCode = "202", description = "replay requested and still running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeStatus.class)))
    @Operation(operationId = "replayIntake", summary = "Rebuild the read model from the beginning of every topic (SYSTEM_ADMIN)")
    @POST
    @Path("/replay")
    public Response replay(@QueryParam("waitSeconds") Integer waitSeconds) throws Exception {
        caller.requireSystemAdmin();
        CompletableFuture<Map<String, Object>> done = consumer.requestReplay();
        int wait = waitSeconds == null ? 0 : Math.max(0, Math.min(waitSeconds, 600));
        try {
            return Response.ok(typed(done.get(wait, TimeUnit.SECONDS), ReplayResult.class)).build();
        } catch (TimeoutException e) {
            Map<String, Object> body = new LinkedHashMap<>(consumer.status());
            body.put("message", "replay requested; GET /api/v1/indicator/admin/intake shows progress");
            return Response.accepted(typed(body, IntakeStatus.class)).build();
        }
    }

    /** Re-evaluates every county (of {@code year}, or of every year), e.g. after a new rule-set version. */
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FullRecompute.RecomputeStats.class)))
    @Operation(operationId = "recomputeEvaluations", summary = "Re-evaluate every county of a year, or of every year (SYSTEM_ADMIN)")
    @POST
    @Path("/recompute")
    public List<FullRecompute.RecomputeStats> recompute(@QueryParam("year") String year) {
        caller.requireSystemAdmin();
        return fullRecompute.recomputeYears(year == null ? null : Params.year(year));
    }
}
