package io.balance.school.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the service as problem details; an unexpected failure is logged and never leaks internals. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p
                ? Json.pathOf(p.getParsingContext()) : "";
        return respond(new Problem(Problem.BASE + "validation", "Invalid input", 400, "malformed JSON", path(uri),
                List.of(new FieldError(field.isEmpty() ? "(body)" : field, e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem(Problem.BASE + title.toLowerCase().replace(' ', '-'), title, status,
                e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ProblemException p) {
                return respond(p.toProblem(path(uri)));
            }
            root = root.getCause();
        }
        if (root instanceof ProblemException p) {
            return respond(p.toProblem(path(uri)));
        }
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return respond(new Problem(Problem.BASE + "internal", "Internal error", 500,
                "the request could not be completed; it has been logged", path(uri), null));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
