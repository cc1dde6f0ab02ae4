package io.balance.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem-details body ({@code application/problem+json}) with the contract's {@code errors[]}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; errors[] names every invalid field")
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of every {@code type}: {@code https://balance.local/problems/validation}, …/not-found, … */
    public static final String BASE = "https://balance.local/problems/";
    /** The field named when the whole body is wrong (missing, not JSON). */
    public static final String BODY = "(body)";
}
