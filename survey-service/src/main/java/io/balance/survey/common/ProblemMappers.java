package io.balance.survey.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json (architecture.md, "Errors"). */
public class ProblemMappers {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://balance.local/problems/";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Map<String, Object> body = problem(e.type, e.title, e.status, e.getMessage(), uri);
        if (!e.errors.isEmpty()) {
            body.put("errors", e.errors);
        }
        Response.ResponseBuilder r = Response.status(e.status).type(PROBLEM_JSON).entity(body);
        if (e.retryAfterSeconds != null) {
            r.header("Retry-After", e.retryAfterSeconds);
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.status(status).type(PROBLEM_JSON)
                .entity(problem(status == 404 ? "not-found" : "http-" + status, title, status, e.getMessage(), uri))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        // the path without its invitation code, and the exception's type and place, never its message: no code or
        // answer goes into a log
        LOG.errorf("unexpected failure on %s: %s at %s", redact(uri == null ? null : uri.getPath()),
                e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return Response.status(500).type(PROBLEM_JSON)
                .entity(problem("internal", "Internal error", 500, "unexpected failure; it has been logged", uri))
                .build();
    }

    private Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = e instanceof MismatchedInputException ? "has the wrong type or format" : "is not valid JSON";
        Map<String, Object> body = problem("validation", "Invalid input", 400, "1 field is invalid", uri);
        body.put("errors", List.of(new ApiException.FieldError(field, message)));
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }

    /** A request path with any invitation code replaced by {@code {code}} (public pages and questionnaires). */
    public static String redact(String path) {
        if (path == null) {
            return null;
        }
        return path.replaceAll("^/s/[^/]*", "/s/{code}")
                .replaceAll("^/api/v1/public/questionnaires/[^/]*", "/api/v1/public/questionnaires/{code}");
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri == null ? null : redact(uri.getPath()));
        return body;
    }
}
