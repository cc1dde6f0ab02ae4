package io.balance.survey.response;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.balance.survey.common.ApiException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The public JSON API of the questionnaire: no login, the invitation code is the only credential. */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {
    @Inject
    ResponseService service;

    public record Submission(String invitation, Map<String, String> answers) {
    }

    @GET
    @Path("/questionnaires/{code}")
    public Response questionnaire(@PathParam("code") String code, @Context HttpServerRequest request) {
        service.throttle(address(request));
        ResponseService.View view = service.open(code);
        switch (view.outcome()) {
            case CLOSED -> throw new ApiException(410, "survey-closed", "Survey closed", "this survey has closed",
                    null, null);
            case NOT_YET_OPEN -> throw ApiException.conflict("survey-not-open", "this survey has not opened yet");
            default -> {
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", view.invitation().group());
        m.put("form", view.form());
        m.put("title", view.form().title);
        m.put("answered", view.outcome() == ResponseService.Outcome.ANSWERED);
        m.put("closesAt", view.survey().closesAt());
        m.put("items", view.items());
        m.put("choices", Map.of("RECOGNISE", Answer.RECOGNISE.zh, "MOSTLY", Answer.MOSTLY.zh, "NOT", Answer.NOT.zh,
                "UNKNOWN", Answer.UNKNOWN.zh));
        return Response.ok(m).header("Cache-Control", "no-store").build();
    }

    /**
     * Stores the one answer of an invitation; an identical retry gets the same 201, a different one 409. Runs on
     * the event loop and holds no thread while the batched lookup and commit are out; the answer is written back
     * on the request's own event loop.
     */
    @POST
    @Path("/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> submit(Submission body, @Context HttpServerRequest request) {
        service.throttle(address(request));
        if (body == null) {
            throw ApiException.invalid("body", "is required");
        }
        io.vertx.core.Context loop = Vertx.currentContext();
        CompletableFuture<Response> answer = new CompletableFuture<>();
        service.submitAsync(body.invitation(), body.answers(), address(request)).whenComplete((receipt, e) -> {
            Runnable reply = () -> {
                if (e != null) {
                    answer.completeExceptionally(Batcher.cause(e)); // the ApiException, for the problem mappers
                } else {
                    // written by hand: the hot path's one answer, without a trip through Jackson
                    answer.complete(Response.status(201).type(MediaType.APPLICATION_JSON)
                            .entity("{\"status\":\"RECORDED\",\"submittedAt\":\"" + receipt.submittedAt() + "\"}")
                            .header("Cache-Control", "no-store").build());
                }
            };
            if (loop == null) {
                reply.run();
            } else {
                loop.runOnContext(v -> reply.run());
            }
        });
        return answer;
    }

    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
