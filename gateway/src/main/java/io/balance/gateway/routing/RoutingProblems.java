package io.balance.gateway.routing;

import io.balance.kit.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/**
 * The problem answers the routing layer gives before any resource runs (bad path, 401, 429, 413, 503, 504): the
 * kit's {@link Problem}, written by the same Jackson mapper as every resource's answer (Quarkus gives Vert.x's
 * {@link Json} codec its ObjectMapper), so both have one shape.
 */
final class RoutingProblems {
    private RoutingProblems() {
    }

    static Buffer body(int status, String type, String title, String detail, String instance) {
        return Json.encodeToBuffer(new Problem(Problem.BASE + type, title, status, detail, instance, null));
    }

    /** Ends a Vert.x response with a problem; a response already under way is reset instead. */
    static void send(HttpServerResponse response, int status, String type, String title, String detail,
                     String instance) {
        if (response.ended() || response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body(status, type, title, detail, instance));
    }
}
