package io.balance.indicator.intake;

import io.balance.indicator.common.Caller;
import io.balance.indicator.common.Params;
import io.balance.indicator.evaluation.EvaluationService;
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
    EvaluationService evaluations;
    @Inject
    Caller caller;

    @GET
    @Path("/intake")
    public Map<String, Object> intake() {
        caller.requireSystemAdmin();
        return consumer.status();
    }

    /**
     * Clears the read model and rebuilds it from the beginning of every topic; evaluations whose result differs
     * afterwards get a new revision. Answers 200 with the result when done within {@code waitSeconds}, else 202.
     */
    @POST
    @Path("/replay")
    public Response replay(@QueryParam("waitSeconds") Integer waitSeconds) throws Exception {
        caller.requireSystemAdmin();
        CompletableFuture<Map<String, Object>> done = consumer.requestReplay();
        int wait = waitSeconds == null ? 0 : Math.max(0, Math.min(waitSeconds, 600));
        try {
            return Response.ok(done.get(wait, TimeUnit.SECONDS)).build();
        } catch (TimeoutException e) {
            Map<String, Object> body = new LinkedHashMap<>(consumer.status());
            body.put("message", "replay requested; GET /api/v1/indicator/admin/intake shows progress");
            return Response.accepted(body).build();
        }
    }

    /** Re-evaluates every county (of {@code year}, or of every year), e.g. after a new rule-set version. */
    @POST
    @Path("/recompute")
    public List<EvaluationService.RecomputeStats> recompute(@QueryParam("year") String year) {
        caller.requireSystemAdmin();
        return evaluations.recomputeYears(year == null ? null : Params.year(year));
    }
}
