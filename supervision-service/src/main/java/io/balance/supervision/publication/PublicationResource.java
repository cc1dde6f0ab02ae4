package io.balance.supervision.publication;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.balance.supervision.common.Validation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/** {@code /api/v1/public/publications/{county}/{year}}: the announcement as JSON and its objections; no sign-in. */
@Path("/api/v1/public/publications/{county}/{year}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class PublicationResource {
    @Inject
    PublicationService publications;
    @Inject
    Objections objections;
    @Inject
    Validation validation;

    /** An objection: its text and, if the person wishes, a way to reach them; nothing else is asked. */
    public record ObjectionRequest(@NotBlank @Size(max = 2000) String text, @Size(max = 100) String contact) {
    }

    @GET
    @Operation(operationId = "getPublication", summary = "The public announcement (公示): frozen verdict, indicators and CVs, recognition rate, problems, objection window")
    public PublicationView get(@PathParam("county") String county, @PathParam("year") String year) throws SQLException {
        LedgerAccess.countyCode(county);
        return publications.read(county, Params.year("year", year, true));
    }

    @POST
    @Path("/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lodgeObjection", summary = "Lodge an objection during the window; at most 10 an hour per address")
    @APIResponse(responseCode = "201", description = "taken", content = @Content(schema = @Schema(implementation = Objections.Received.class)))
    public Response lodge(@PathParam("county") String county, @PathParam("year") String year, ObjectionRequest body,
            @Context HttpServerRequest request) throws SQLException {
        LedgerAccess.countyCode(county);
        int y = Params.year("year", year, true);
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        validation.check("", body);
        Objections.Received r = objections.lodge(county, y, body.text().strip(),
                body.contact() == null || body.contact().isBlank() ? null : body.contact().strip(), source(request));
        return Response.status(201).entity(r).build();
    }

    /** The client address the gateway resolved (forwarded headers are honoured only from trusted proxies). */
    static String source(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
