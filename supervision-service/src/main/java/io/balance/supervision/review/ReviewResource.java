package io.balance.supervision.review;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.balance.supervision.common.Validation;
import io.balance.supervision.publication.Objections;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/counties/{county}/reviews/{year}}: stages, decisions, snapshots, publication, objections. */
@Path("/api/v1/counties/{county}/reviews/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    @Inject
    ReviewAccess access;
    @Inject
    ReviewService reviews;
    @Inject
    ReviewRepository repo;
    @Inject
    Objections objections;
    @Inject
    Validation validation;

    /** The province's ruling on an objection. */
    public record ObjectionDecision(@NotNull Boolean upheld, @Size(max = 4000) String reason) {
    }

    @GET
    @Operation(operationId = "getReview", summary = "The county's review for the year: stage, history, snapshots")
    public ReviewView get(@PathParam("county") String county, @PathParam("year") String year) throws SQLException {
        int y = path(county, year);
        access.requireRead(county);
        reviews.closeIfDue(county, y);
        return reviews.view(county, y);
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitSelfEvaluation", summary = "The county submits its self-evaluation (县级自评): the figures are frozen")
    public ReviewView submit(@PathParam("county") String county, @PathParam("year") String year,
            ReviewRequests.SubmitRequest body) throws SQLException {
        int y = path(county, year);
        if (body != null) {
            validation.check("", body);
        }
        return reviews.submit(county, y, body == null ? null : body.comments(), access);
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideReviewStage", summary = "The next level's decision: PASS (figures frozen) or RETURN with comments")
    public ReviewView decide(@PathParam("county") String county, @PathParam("year") String year,
            ReviewRequests.DecisionRequest body) throws SQLException {
        int y = path(county, year);
        validation.check("", required(body));
        return reviews.decide(county, y, body, access);
    }

    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishReview", summary = "The province publishes a passed county (公示) with its objection window")
    public ReviewView publish(@PathParam("county") String county, @PathParam("year") String year,
            ReviewRequests.PublishRequest body) throws SQLException {
        int y = path(county, year);
        if (body != null) {
            validation.check("", body);
        }
        return reviews.publish(county, y, body == null ? null : body.days(), access);
    }

    @GET
    @Path("/snapshots/{version}")
    @Operation(operationId = "getReviewSnapshot", summary = "A snapshot of record, byte for byte as frozen: the SHA-256 of this body is its digest")
    public String snapshot(@PathParam("county") String county, @PathParam("year") String year,
            @PathParam("version") String version) throws SQLException {
        int y = path(county, year);
        int v = Params.intParam("version", version, 0, 1, Integer.MAX_VALUE);
        access.requireRead(county);
        try (Connection c = repo.connection()) {
            List<ReviewRepository.Snapshot> s = repo.snapshots(c, county, y, v);
            if (s.isEmpty()) {
                throw ProblemException.notFound("no snapshot " + v + " of county " + county + " " + y);
            }
            return s.get(0).body();
        }
    }

    @GET
    @Path("/objections")
    @Operation(operationId = "listObjections", summary = "Objections lodged during publication, with the province's rulings")
    public List<Objections.ObjectionView> objections(@PathParam("county") String county, @PathParam("year") String year)
            throws SQLException {
        int y = path(county, year);
        access.requireRead(county);
        return objections.list(county, y);
    }

    @POST
    @Path("/objections/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideObjection", summary = "The province upholds or dismisses an objection")
    public Objections.ObjectionView decideObjection(@PathParam("county") String county, @PathParam("year") String year,
            @PathParam("id") String id, ObjectionDecision body) throws SQLException {
        int y = path(county, year);
        long objection = Params.id("id", id);
        validation.check("", required(body));
        access.requireDecide(county, ReviewStage.PUBLICATION);
        return objections.decide(county, y, objection, body.upheld(), body.reason(), access.actor());
    }

    private static int path(String county, String year) {
        LedgerAccess.countyCode(county);
        return Params.year("year", year, true);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return body;
    }
}
