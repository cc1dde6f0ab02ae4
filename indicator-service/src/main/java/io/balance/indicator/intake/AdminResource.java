package io.balance.indicator.intake;

import io.balance.indicator.access.Access;
import io.balance.indicator.common.Params;
import io.balance.kit.problem.ProblemException;
import io.balance.indicator.evaluation.FullRecompute;
import io.balance.kit.consumer.ConsumerStatus;
import io.balance.kit.consumer.EventConsumers;
import io.balance.kit.consumer.ReplayResult;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
 * replay of every topic from the beginning (the kit's {@link EventConsumers}), full re-evaluation.
 */
@Path("/api/v1/indicator/admin")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @Inject
    EventConsumers consumers;
    @Inject
    Intake intake;
    @Inject
    FullRecompute fullRecompute;
    @Inject
    Access access;

    /** The intake consumer's status; {@code enabled} false when {@code balance.consumer.enabled=false}. */
    public record IntakeStatus(boolean enabled, boolean running, String groupId, List<String> topics,
            long recordsConsumed, long lag, String lastBatchAt, boolean replaying, String lastError, String message) {
        static IntakeStatus of(boolean enabled, ConsumerStatus s, String message) {
            return new IntakeStatus(enabled, s.running(), s.groupId(), s.topics(), s.recordsConsumed(), s.lag(),
                    s.lastBatchAt() == null ? null : s.lastBatchAt().toString(), s.replaying(), s.lastError(), message);
        }
    }

    private IntakeStatus status(String message) {
        return consumers.status().stream().filter(s -> s.name().equals(intake.name())).findFirst()
                .map(s -> IntakeStatus.of(consumers.enabled(), s, message))
                .orElse(new IntakeStatus(false, false, null, intake.topics(), 0, 0, null, false, null,
                        "the consumer is disabled (balance.consumer.enabled=false)"));
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeStatus.class)))
    @Operation(operationId = "getIntakeStatus", summary = "Consumer status (operators, SYSTEM_ADMIN)")
    @GET
    @Path("/intake")
    public IntakeStatus intake() {
        access.requireSystemAdmin();
        return status(null);
    }

    /**
     * Clears the read model and rebuilds it from the beginning of every topic; evaluations whose result differs
     * afterwards get a new revision. Answers 200 with the result when done within {@code waitSeconds}, else 202.
     */
    @APIResponse(responseCode = "200", description = "replayed within waitSeconds; summary: counties re-evaluated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayResult.class)))
    @APIResponse(responseCode = "202", description = "replay requested and still running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeStatus.class)))
    @Operation(operationId = "replayIntake", summary = "Rebuild the read model from the beginning of every topic (SYSTEM_ADMIN)")
    @POST
    @Path("/replay")
    public Response replay(@QueryParam("waitSeconds") Integer waitSeconds) throws Exception {
        access.requireSystemAdmin();
        if (!consumers.enabled()) {
            throw ProblemException.conflict("the consumer is disabled (balance.consumer.enabled=false)");
        }
        CompletableFuture<List<ReplayResult>> done = consumers.replay();
        int wait = waitSeconds == null ? 0 : Math.max(0, Math.min(waitSeconds, 600));
        try {
            return Response.ok(done.get(wait, TimeUnit.SECONDS).get(0)).build();
        } catch (TimeoutException e) {
            return Response.accepted(status("replay requested; GET /api/v1/indicator/admin/intake shows progress")).build();
        }
    }

    /** Re-evaluates every county (of {@code year}, or of every year), e.g. after a new rule-set version. */
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FullRecompute.RecomputeStats.class)))
    @Operation(operationId = "recomputeEvaluations", summary = "Re-evaluate every county of a year, or of every year (SYSTEM_ADMIN)")
    @POST
    @Path("/recompute")
    public List<FullRecompute.RecomputeStats> recompute(@QueryParam("year") String year) {
        access.requireSystemAdmin();
        return fullRecompute.recomputeYears(year == null ? null : Params.year(year));
    }
}
