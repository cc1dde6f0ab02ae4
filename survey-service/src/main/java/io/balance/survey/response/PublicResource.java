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
import io.balance.kit.problem.ProblemException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.balance.survey.campaign.Group;
import io.balance.kit.problem.Problem;
import io.balance.survey.questionnaire.Form;
import io.balance.survey.questionnaire.Item;
import io.balance.survey.questionnaire.Standard;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The public JSON API of the questionnaire: no login, the invitation code is the only credential. */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public questionnaire")
@APIResponse(responseCode = "429", description = "too many requests from this network (Retry-After)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicResource {
    @Inject
    ResponseService service;

    @Schema(name = "Submission")
    public record Submission(String invitation,
            @Schema(description = "random, made by the client once per page load (8-64 of A-Z a-z 0-9 - _): the same "
                    + "id again is an idempotent retry; any other submission for a used invitation is 409")
            String submissionId,
            @Schema(description = "itemId → RECOGNISE | MOSTLY | NOT | UNKNOWN") Map<String, String> answers) {
    }

    @Schema(name = "SubmissionReceipt")
    public record Receipt(String status, Instant submittedAt) {
    }

    @Schema(name = "PublicQuestionnaire")
    public record Questionnaire(Group group, Form form, String title, Standard standard, String surveyTitle,
            @Schema(description = "the invitation has been used; nothing about its answer is shown") boolean answered,
            Instant closesAt, List<Item> items, Map<Answer, String> choices) {
    }

    @GET
    @Path("/questionnaires/{code}")
    @Operation(operationId = "getPublicQuestionnaire", summary = "the questionnaire of an invitation (no login)")
    @APIResponse(responseCode = "200", description = "the questionnaire",
            content = @Content(schema = @Schema(implementation = Questionnaire.class)))
    @APIResponse(responseCode = "404", description = "unknown invitation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the survey has not opened yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "the survey has closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response questionnaire(@PathParam("code") String code, @Context HttpServerRequest request) {
        service.throttle(address(request));
        ResponseService.View view = service.open(code);
        switch (view.outcome()) {
            case CLOSED -> throw new ProblemException(410, "survey-closed", "Survey closed", "this survey has closed",
                    null, null);
            case NOT_YET_OPEN -> throw ProblemException.conflict("survey-not-open", "this survey has not opened yet");
            default -> {
            }
        }
        Standard standard = view.survey().standard();
        Map<Answer, String> choices = new EnumMap<>(Answer.class);
        for (Answer a : Answer.values()) {
            choices.put(a, standard.label(a));
        }
        boolean answered = view.outcome() == ResponseService.Outcome.ANSWERED;
        return Response.ok(new Questionnaire(view.invitation().group(), view.form(), view.form().title, standard,
                standard.surveyTitle, answered, view.survey().closesAt(), answered ? List.of() : view.items(),
                choices)).header("Cache-Control", "no-store").build();
    }

    /**
     * Stores the one answer of an invitation; a retry with the same submissionId gets the first 201, anything else
     * for a used invitation 409. Runs on the event loop and holds no thread while the batched lookup and commit are
     * out; the answer is written back on the request's own event loop.
     */
    @POST
    @Path("/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitResponse", summary = "the one answer of an invitation (no login)")
    @APIResponse(responseCode = "201", description = "stored (or the same submission retried)",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "invalid fields, named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown invitation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the invitation was used (by another submission), or the "
            + "survey is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "the answer cannot be stored now (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> submit(Submission body, @Context HttpServerRequest request) {
        service.throttle(address(request));
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        io.vertx.core.Context loop = Vertx.currentContext();
        CompletableFuture<Response> answer = new CompletableFuture<>();
        service.submitAsync(body.invitation(), body.submissionId(), body.answers(), address(request)).whenComplete((receipt, e) -> {
            Runnable reply = () -> {
                if (e != null) {
                    answer.completeExceptionally(Batcher.cause(e)); // the ProblemException, for the problem mappers
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
