package io.balance.indicator.evaluation;

import io.balance.indicator.common.Caller;
import io.balance.indicator.common.Params;
import io.balance.indicator.common.ProblemException;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** A county's evaluation under a rule set, and its history for trends. */
@Path("/api/v1/counties/{countyCode}/evaluations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {
    @Inject
    EvaluationService evaluations;
    @Inject
    RuleSetService ruleSets;
    @Inject
    Caller caller;

    @GET
    @Path("/{year}")
    public Evaluation evaluation(@PathParam("countyCode") String countyCode, @PathParam("year") String year,
            @QueryParam("ruleSet") String ruleSet) {
        String county = Params.county(countyCode);
        int y = Params.year(year);
        caller.requireRead(county, "county " + county);
        RuleSet rules = ruleSets.forCounty(ruleSet, county);
        if (!evaluations.known(county)) {
            throw ProblemException.notFound("county " + county + " not found");
        }
        return evaluations.evaluate(county, y, rules);
    }

    /** Every stored year's headline (verdict, CVs, compliant share …), oldest first. */
    @GET
    public List<Map<String, Object>> history(@PathParam("countyCode") String countyCode, @QueryParam("ruleSet") String ruleSet) {
        String county = Params.county(countyCode);
        caller.requireRead(county, "county " + county);
        RuleSet rules = ruleSets.forCounty(ruleSet, county);
        if (!evaluations.known(county)) {
            throw ProblemException.notFound("county " + county + " not found");
        }
        return evaluations.history(county, rules.code());
    }
}
