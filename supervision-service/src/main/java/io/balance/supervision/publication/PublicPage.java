package io.balance.supervision.publication;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * {@code /p/{county}/{year}}: the public announcement page (公示), phone-first, Chinese, no sign-in, no script
 * and nothing loaded from elsewhere; its objection form posts as a plain HTML form.
 */
@Path("/p/{county}/{year}")
@SecurityRequirements
public class PublicPage {
    private static final String HTML = "text/html;charset=UTF-8";

    @Inject
    PublicationService publications;
    @Inject
    Objections objections;

    @GET
    @Produces(HTML)
    @Operation(operationId = "getPublicationPage", summary = "The public announcement page")
    @APIResponse(responseCode = "200", description = "the page (Chinese, no script)",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response page(@PathParam("county") String county, @PathParam("year") String year) throws SQLException {
        try {
            LedgerAccess.countyCode(county);
            int y = Params.year("year", year, true);
            return Response.ok(PublicHtml.announcement(publications.read(county, y), null)).type(HTML).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(PublicHtml.message("未找到公示", "没有该县该年度的公示。")).type(HTML).build();
        }
    }

    @POST
    @Path("/objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    @Operation(operationId = "lodgeObjectionForm", summary = "The page's objection form (the same rules as the JSON endpoint)")
    @APIResponse(responseCode = "201", description = "taken: a page with the objection's number",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response lodge(@PathParam("county") String county, @PathParam("year") String year,
            @FormParam("text") String text, @FormParam("contact") String contact, @Context HttpServerRequest request)
            throws SQLException {
        LedgerAccess.countyCode(county);
        int y = Params.year("year", year, true);
        String t = text == null ? "" : text.strip();
        String k = contact == null || contact.isBlank() ? null : contact.strip();
        if (t.isEmpty() || t.length() > 2000 || k != null && k.length() > 100) {
            return Response.status(400).entity(PublicHtml.announcement(publications.read(county, y),
                    "请填写异议内容（不超过 2000 字），联系方式不超过 100 字。")).type(HTML).build();
        }
        try {
            Objections.Received r = objections.lodge(county, y, t, k, PublicationResource.source(request));
            return Response.status(201).entity(PublicHtml.message("异议已收到",
                    "编号 " + r.id() + "。省级教育督导部门将逐条核查。")).type(HTML).build();
        } catch (ProblemException e) {
            String why = e.status() == 429 ? "提交过于频繁，请稍后再试。" : e.status() == 409 ? "公示期已结束，不再受理异议。" : "无法受理。";
            Response.ResponseBuilder b = Response.status(e.status()).entity(PublicHtml.message("未能提交", why)).type(HTML);
            if (e.retryAfterSeconds() != null) {
                b.header("Retry-After", e.retryAfterSeconds());
            }
            return b.build();
        }
    }
}
