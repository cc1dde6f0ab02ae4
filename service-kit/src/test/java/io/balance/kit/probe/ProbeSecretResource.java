package io.balance.kit.probe;

import io.balance.kit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A path that carries a secret: its problems must name the path without it, and no log line may quote it. */
@Path("/api/probe/secret/{token}")
public class ProbeSecretResource {
    @GET
    public String get(@PathParam("token") String token) {
        throw ProblemException.notFound("no such token");
    }

    @GET
    @Path("/fail")
    public String fail(@PathParam("token") String token) {
        throw new IllegalStateException("failed for " + token);
    }
}
