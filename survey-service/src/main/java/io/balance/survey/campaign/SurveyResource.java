package io.balance.survey.campaign;

import io.balance.kit.problem.ProblemException;
import io.balance.kit.caller.Caller;
import io.balance.survey.common.Db;
import io.balance.kit.problem.Problem;
import io.balance.survey.questionnaire.Form;
import io.balance.survey.questionnaire.Item;
import io.balance.survey.registry.Registry;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Survey campaigns: run by the supervising level, read by the county (api-contract.md, "Survey"). */
@Path("/api/v1/surveys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "survey campaigns")
@APIResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "the caller may read but not do this (the county under "
        + "evaluation never runs its own survey)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such campaign in the caller's jurisdiction",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SurveyResource {
    @Inject
    SurveyService service;
    @Inject
    SurveyRepository repository;
    @Inject
    Registry registry;
    @Inject
    Db db;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createSurvey", summary = "a campaign for a county and year, its sample plan computed")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "400", description = "invalid fields, named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the county already has a campaign for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(SurveyInputs.CreateSurvey body) {
        Survey s = service.create(caller, body);
        return Response.created(URI.create("/api/v1/surveys/" + s.id())).entity(view(s)).build();
    }

    @GET
    @Operation(operationId = "listSurveys", summary = "the campaigns the caller may see")
    public List<SurveyView> list(@QueryParam("countyCode") String countyCode) {
        return service.list(caller, countyCode).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSurvey", summary = "a campaign with its plan, status and quota progress; "
            + "{id} is the id or {countyCode}-{year}")
    public SurveyView get(@PathParam("id") String id) {
        return view(service.get(caller, service.resolve(id)));
    }

    @PUT
    @Path("/{id}/sample-plan")
    @Operation(operationId = "adjustSamplePlan", summary = "adjust the plan before opening (supervising level)")
    @APIResponse(responseCode = "400", description = "a count negative, beyond the total, or not adding up; "
            + "parents under half: named in errors[], nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the campaign has opened",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SurveyView adjustPlan(@PathParam("id") String id, SurveyInputs.PlanInput body) {
        return view(service.adjustPlan(caller, service.resolve(id), body));
    }

    @POST
    @Path("/{id}/open")
    @Operation(operationId = "openSurvey", summary = "open the campaign (supervising level)")
    @APIResponse(responseCode = "409", description = "closed, or past its closing time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SurveyView open(@PathParam("id") String id) {
        return view(service.open(caller, service.resolve(id)));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeSurvey", summary = "close the campaign and publish its final results "
            + "(supervising level)")
    public SurveyView close(@PathParam("id") String id) {
        return view(service.close(caller, service.resolve(id)));
    }

    @GET
    @Path("/{id}/questionnaires")
    @Operation(operationId = "getQuestionnaires", summary = "the campaign's three questionnaires")
    public Map<Form, SurveyView.FormView> questionnaires(@PathParam("id") String id) {
        Map<Form, List<Item>> all = service.questionnaires(caller, service.resolve(id));
        Map<Form, SurveyView.FormView> out = new EnumMap<>(Form.class);
        all.forEach((form, items) -> out.put(form, SurveyView.FormView.of(form, items)));
        return out;
    }

    @PUT
    @Path("/{id}/questionnaires/{form}")
    @Operation(operationId = "replaceQuestionnaireItems", summary = "replace one questionnaire's items before "
            + "opening (supervising level)")
    @APIResponse(responseCode = "400", description = "invalid items, named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "frozen: the campaign has opened",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SurveyView.FormView replaceItems(@PathParam("id") String id, @PathParam("form") String form,
            SurveyView.ItemsInput body) {
        Form f = Form.parse(form);
        if (f == null) {
            throw ProblemException.notFound("no questionnaire " + form + " (PUBLIC, STAFF or STUDENT)");
        }
        List<Item> items = service.replaceItems(caller, service.resolve(id), f, body == null ? null : body.items());
        return SurveyView.FormView.of(f, items);
    }

    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no such survey");
        }
    }

    SurveyView view(Survey s) {
        SamplePlan p = s.plan();
        Map<Group, long[]> progress = db.auto(c -> repository.progress(c, s.id()));
        Map<Group, SurveyView.Quota> quota = new EnumMap<>(Group.class);
        progress.forEach((g, n) -> quota.put(g, new SurveyView.Quota(p.byGroup().getOrDefault(g, 0), n[0], n[1])));
        return new SurveyView(s.id(), s.countyCode(),
                registry.county(s.countyCode()).map(Registry.County::name).orElse(null), s.year(), s.standard(),
                s.standard().zh + " · " + s.standard().surveyTitle, s.opensAt(), s.closesAt(), s.status(),
                s.population(), new SurveyView.Plan(p.total(), service.requiredTotal(s), p.byGroup(), p.byLocation(),
                        p.locationBasis()), quota, s.createdBy(), s.createdAt(), s.openedAt(), s.closedAt());
    }
}
