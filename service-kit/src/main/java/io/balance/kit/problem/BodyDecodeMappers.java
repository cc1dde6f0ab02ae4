package io.balance.kit.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * A multipart body Quarkus REST cannot parse (no closing boundary, a boundary that never comes, a malformed part)
 * fails before the resource runs, with a checked {@link IOException} no other mapper takes, so Quarkus answered 500
 * (found by system-tests HostileInputTest). It is bad input: 400 naming the body. Any other I/O failure stays a
 * logged 500, as problem details.
 */
public class BodyDecodeMappers {
    @ServerExceptionMapper
    public Response malformed(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return undecodable(uri);
    }

    @ServerExceptionMapper
    public Response io(IOException e, UriInfo uri) {
        if (e.getMessage() != null && e.getMessage().contains("multipart")) {
            return undecodable(uri);
        }
        ProblemMappers.logUnexpected(e, ProblemMappers.path(uri));
        return ProblemMappers.respond(new ProblemException(500, "internal", "Internal error",
                "the request could not be completed; it has been logged", null), ProblemMappers.path(uri));
    }

    private static Response undecodable(UriInfo uri) {
        return ProblemMappers.respond(ProblemException.invalid(Problem.BODY,
                "not a well-formed multipart/form-data body (each part delimited by the boundary, closed by --boundary--)"),
                ProblemMappers.path(uri));
    }
}
