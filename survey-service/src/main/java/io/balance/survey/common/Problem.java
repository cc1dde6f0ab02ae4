package io.balance.survey.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The RFC 9457 problem-details body every error leaves as ({@code application/problem+json}); documentation of
 * what {@link ProblemMappers} writes, for the OpenAPI.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; a 400 names every invalid field in errors[]")
public record Problem(String type, String title, int status, String detail, String instance,
        List<ApiException.FieldError> errors) {
    public static final String JSON = "application/problem+json";
}
