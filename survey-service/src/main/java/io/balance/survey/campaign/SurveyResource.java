package io.balance.survey.campaign;

import io.balance.survey.common.ApiException;
import io.balance.survey.common.Caller;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/surveys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {
    @Inject
    SurveyService service;
    @Inject
    Registry registry;
    @Inject
    JsonWebToken jwt;

    public record ItemsInput(List<Item> items) {
    }

    @POST
    public Response create(SurveyService.CreateSurvey body) {
        Survey s = service.create(Caller.of(jwt), body);
        return Response.created(URI.create("/api/v1/surveys/" + s.id())).entity(view(s)).build();
    }

    @GET
    public List<Map<String, Object>> list(@QueryParam("countyCode") String countyCode) {
        return service.list(Caller.of(jwt), countyCode).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return view(service.get(Caller.of(jwt), service.resolve(id)));
    }

    @PUT
    @Path("/{id}/sample-plan")
    public Map<String, Object> adjustPlan(@PathParam("id") String id, SurveyService.PlanInput body) {
        return view(service.adjustPlan(Caller.of(jwt), service.resolve(id), body));
    }

    @POST
    @Path("/{id}/open")
    public Map<String, Object> open(@PathParam("id") String id) {
        return view(service.open(Caller.of(jwt), service.resolve(id)));
    }

    @POST
    @Path("/{id}/close")
    public Map<String, Object> close(@PathParam("id") String id) {
        return view(service.close(Caller.of(jwt), service.resolve(id)));
    }

    @GET
    @Path("/{id}/questionnaires")
    public Map<String, Object> questionnaires(@PathParam("id") String id) {
        Map<Form, List<Item>> all = service.questionnaires(Caller.of(jwt), service.resolve(id));
        Map<String, Object> out = new LinkedHashMap<>();
        all.forEach((form, items) -> out.put(form.name(), formView(form, items)));
        return out;
    }

    @PUT
    @Path("/{id}/questionnaires/{form}")
    public Map<String, Object> replaceItems(@PathParam("id") String id, @PathParam("form") String form,
            ItemsInput body) {
        Form f = Form.parse(form);
        if (f == null) {
            throw ApiException.notFound("no questionnaire " + form + " (PUBLIC, STAFF or STUDENT)");
        }
        List<Item> items = service.replaceItems(Caller.of(jwt), service.resolve(id), f, body == null ? null : body.items());
        return formView(f, items);
    }

    static Map<String, Object> formView(Form form, List<Item> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", form.name());
        m.put("title", form.title);
        m.put("audience", form.audience);
        m.put("groups", java.util.Arrays.stream(Group.values()).filter(g -> g.form == form).map(Enum::name).toList());
        m.put("items", items);
        return m;
    }

    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no such survey");
        }
    }

    Map<String, Object> view(Survey s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("countyCode", s.countyCode());
        m.put("countyName", registry.county(s.countyCode()).map(Registry.County::name).orElse(null));
        m.put("year", s.year());
        m.put("opensAt", s.opensAt());
        m.put("closesAt", s.closesAt());
        m.put("status", s.status());
        m.put("residentPopulation", s.population());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("total", s.plan().total());
        plan.put("requiredTotal", service.requiredTotal(s));
        plan.put("byGroup", s.plan().byGroup());
        plan.put("byLocation", s.plan().byLocation());
        plan.put("locationBasis", s.plan().locationBasis());
        m.put("samplePlan", plan);
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt());
        m.put("openedAt", s.openedAt());
        m.put("closedAt", s.closedAt());
        return m;
    }
}
