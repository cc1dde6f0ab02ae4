package io.balance.survey.results;

import io.balance.survey.campaign.Access;
import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyResource;
import io.balance.survey.campaign.SurveyService;
import io.balance.survey.common.Caller;
import io.balance.survey.common.Db;
import io.balance.survey.registry.Registry;
import io.balance.survey.response.ResponseService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/surveys/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {
    @Inject
    SurveyService surveys;
    @Inject
    ResultsService results;
    @Inject
    ResponseService responses;
    @Inject
    Access access;
    @Inject
    Registry registry;
    @Inject
    Db db;
    @Inject
    JsonWebToken jwt;

    /** Live results: computed from the stored answers at the time of the request. */
    @GET
    @Path("/results")
    public Map<String, Object> results(@PathParam("id") String id) {
        UUID surveyId = surveys.resolve(id);
        Survey s = surveys.find(surveyId);
        access.requireResults(Caller.of(jwt), s.countyCode());
        ResultsService.Results r = db.auto(c -> results.compute(c, s));
        return results.view(r, registry.schoolNames(s.countyCode()));
    }

    /** Answers flagged as implausible: kept for review, excluded from the rate. */
    @GET
    @Path("/flagged")
    public List<Map<String, Object>> flagged(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        UUID surveyId = surveys.resolve(id);
        Survey s = surveys.find(surveyId);
        access.requireResults(Caller.of(jwt), s.countyCode());
        return responses.flagged(surveyId, Math.max(1, Math.min(limit, 5000)));
    }
}
