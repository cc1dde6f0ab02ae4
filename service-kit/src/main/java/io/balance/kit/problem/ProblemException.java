package io.balance.kit.problem;

import java.util.List;

/**
 * Ends a request with a problem-details answer. Thrown before anything is stored, or it rolls the transaction
 * back: a request that fails stores nothing.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                            Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid input", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return conflict("conflict", detail);
    }

    /** A 409 with a more specific type (e.g. {@code already-answered}). */
    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    public static ProblemException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ProblemException(429, "rate-limited", "Too many requests", detail, null, retryAfterSeconds);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem(String instance) {
        return new Problem(type.contains(":") ? type : Problem.BASE + type, title, status, getMessage(), instance, errors);
    }
}
