package io.balance.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves a service as problem details. Bad input (malformed JSON, a wrong type, an unknown enum
 * value, a Bean Validation violation) is a 400 naming each field; an unexpected failure is logged and leaks
 * nothing.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e, path(uri));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemException.validation(List.of(JsonErrors.of(e))), path(uri));
    }

    // Quarkus registers its own mappers for these two subclasses: name them so that ours is the closest match.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(field(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(ProblemException.validation(errors), path(uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("the caller's role may not do this"), path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String type = status == 404 ? "not-found" : title.toLowerCase().replace(' ', '-');
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.BASE + type, title, status, e.getMessage(), path(uri), null));
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            r.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return r.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return respond(p, path(uri));
            }
        }
        logUnexpected(e, path(uri));
        return respond(new ProblemException(500, "internal", "Internal error",
                "the request could not be completed; it has been logged", null), path(uri));
    }

    /**
     * {@code create.body.teachers.fullTime} → {@code teachers.fullTime}; a bare query or path parameter keeps its
     * name; a missing entity ({@code @NotNull @Valid Input body}) is {@code (body)}.
     */
    static String field(Path path) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName();
            if (node.isInIterable() && !parts.isEmpty()) {
                String last = parts.remove(parts.size() - 1);
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                parts.add(key == null ? last : last + (node.getIndex() != null ? "[" + key + "]" : "." + key));
            }
            if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            // the request entity is named "body" by convention: a missing one is "(body)"
            return parameter == null || parameter.equals("body") ? Problem.BODY : parameter;
        }
        return String.join(".", parts);
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(new ProblemException(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required", null), path(uri))).header("WWW-Authenticate", "Bearer").build();
    }

    /** The request path for {@code instance} and logs: redacted when the service has a {@link ProblemInstanceRedactor}. */
    public static String path(UriInfo uri) {
        String raw = uri == null ? null : uri.getRequestUri().getRawPath();
        ProblemInstanceRedactor redactor = redactor();
        return raw == null || redactor == null ? raw : redactor.redact(raw);
    }

    static void logUnexpected(Throwable e, String path) {
        ProblemInstanceRedactor redactor = redactor();
        if (redactor == null || redactor.logFailureDetails()) {
            LOG.errorf(e, "unexpected failure on %s", path);
        } else {
            LOG.errorf("unexpected failure on %s: %s at %s", path, e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        }
    }

    private static ProblemInstanceRedactor redactor() {
        ArcContainer arc = Arc.container();
        return arc == null ? null : arc.instance(Redactors.class).get().find();
    }

    /** Holds the lookup, so that a service's redactor bean counts as used and is not removed at build time. */
    @Singleton
    @Unremovable
    static class Redactors {
        @Inject
        Instance<ProblemInstanceRedactor> redactors;

        ProblemInstanceRedactor find() {
            return redactors.isResolvable() ? redactors.get() : null;
        }
    }

    public static Response respond(ProblemException e, String instance) {
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(instance));
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }
}
