package io.balance.survey.campaign;

import io.balance.survey.questionnaire.Standard;
import java.time.Instant;
import java.util.UUID;

/** A county's survey campaign for one year (社会认可度调查). */
public record Survey(UUID id, String countyCode, int year, Standard standard, Instant opensAt, Instant closesAt,
        SurveyStatus status, long population, SamplePlan plan, byte[] clientSalt, String createdBy, Instant createdAt,
        Instant openedAt, Instant closedAt, long resultsRevision) {
}
