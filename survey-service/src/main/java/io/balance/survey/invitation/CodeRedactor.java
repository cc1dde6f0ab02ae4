package io.balance.survey.invitation;

import io.balance.kit.problem.ProblemInstanceRedactor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Invitation codes are in the public paths ({@code /s/{code}}, {@code /api/v1/public/questionnaires/{code}}): the
 * kit's problem mappers show and log those paths with {@code {code}} instead, and log an unexpected failure by its
 * type and place only (a message could quote a code or an answer).
 */
@ApplicationScoped
public class CodeRedactor implements ProblemInstanceRedactor {
    @Override
    public String redact(String path) {
        return path.replaceAll("^/s/[^/]*", "/s/{code}")
                .replaceAll("^/api/v1/public/questionnaires/[^/]*", "/api/v1/public/questionnaires/{code}");
    }

    @Override
    public boolean logFailureDetails() {
        return false;
    }
}
