package io.balance.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of the gateway's own endpoints as problem details; bad input is a 400 naming the field. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.response(401, "unauthorized", "Authentication required",
                "a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.response(401, "unauthorized", "Authentication required",
                "the bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Forbidden", "your role may not do this");
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        String message = e instanceof InvalidFormatException f
                ? "cannot read '" + f.getValue() + "' as " + f.getTargetType().getSimpleName()
                : "malformed JSON: " + e.getOriginalMessage();
        return Problem.invalid(field == null || field.isEmpty() ? "body" : field, message);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    // drop the method and parameter names ("create.request.username" -> "username")
                    String[] parts = path.split("\\.");
                    String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
                    return new Problem.FieldError(field, v.getMessage());
                })
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return ProblemException.invalid(errors).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "not-found", "Not found", "no such resource");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 415) {
            return Problem.response(415, "unsupported-media-type", "Unsupported media type", "send application/json");
        }
        if (status == 400) {
            return Problem.invalid("body", "malformed request body");
        }
        return Problem.response(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.response(500, "internal", "Internal error", "the gateway failed; see its log");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
