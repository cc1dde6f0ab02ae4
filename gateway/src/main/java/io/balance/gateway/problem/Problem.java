package io.balance.gateway.problem;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details, as docs/architecture.md fixes them. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://balance.local/problems/";

    public record FieldError(String field, String message) {
    }

    private Problem() {
    }

    public static JsonObject json(int status, String type, String title, String detail, String instance,
                                  List<FieldError> errors) {
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (errors != null && !errors.isEmpty()) {
            JsonArray list = new JsonArray();
            errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            body.put("errors", list);
        }
        return body;
    }

    /** Ends a Vert.x response with a problem (for the routing layer, before any resource runs). */
    public static void send(HttpServerResponse response, int status, String type, String title, String detail,
                            String instance) {
        if (response.ended() || response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(json(status, type, title, detail, instance, null).encode());
    }

    public static Response response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, List.of());
    }

    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(json(status, type, title, detail, null, errors).encode()).build();
    }

    /** A 400 naming one field. */
    public static Response invalid(String field, String message) {
        return response(400, "validation", "Invalid input", "1 field is invalid", List.of(new FieldError(field, message)));
    }
}
