package io.balance.survey.common;

import java.util.List;

/** A failure answered as RFC 9457 problem details. */
public class ApiException extends RuntimeException {
    public final int status;
    public final String type;
    public final String title;
    public final List<FieldError> errors;
    public final Integer retryAfterSeconds;

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors,
            Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public record FieldError(String field, String message) {
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public static ApiException conflict(String type, String detail) {
        return new ApiException(409, type, "Conflict", detail, null, null);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "validation", "Invalid input", "1 field is invalid",
                List.of(new FieldError(field, message)), null);
    }

    public static ApiException tooManyRequests(int retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too many requests",
                "too many requests from this network; retry later", null, retryAfterSeconds);
    }
}
