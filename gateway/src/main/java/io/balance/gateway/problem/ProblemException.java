package io.balance.gateway.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown by the gateway's own resources; mapped to its problem-details response. */
public class ProblemException extends RuntimeException {
    private final transient Response response;

    public ProblemException(Response response) {
        super(String.valueOf(response.getEntity()));
        this.response = response;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field, message));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.response(400, "validation", "Invalid input",
                errors.size() + (errors.size() == 1 ? " field is invalid" : " fields are invalid"), errors));
    }

    public static ProblemException of(int status, String type, String title, String detail) {
        return new ProblemException(Problem.response(status, type, title, detail));
    }

    public Response response() {
        return response;
    }
}
