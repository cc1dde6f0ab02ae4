package io.balance.contracts;

/**
 * Kafka topics between services. The suffix is the payload's major version: a breaking change
 * gets a new topic (v2) published beside the old one until every consumer has moved.
 * Every record is keyed by the aggregate it is about (school code, county code, survey id).
 */
public final class Topics {
    /** Jurisdiction created or changed; key: jurisdiction code. Payload {@link JurisdictionChangedV1}. */
    public static final String JURISDICTIONS = "school.jurisdictions.v1";
    /** School created or changed; key: school code. Payload {@link SchoolChangedV1}. */
    public static final String SCHOOL_REGISTRY = "school.registry.v1";
    /** Annual report approved; key: school code. Payload {@link ReportApprovedV1}. */
    public static final String SCHOOL_REPORTS = "school.reports.v1";
    /** Survey results changed or campaign closed; key: county code. Payload {@link SurveyResultsV1}. */
    public static final String SURVEY_RESULTS = "survey.results.v1";
    /** A county evaluation changed; key: county code. Payload {@link EvaluationChangedV1}. */
    public static final String INDICATOR_EVALUATIONS = "indicator.evaluations.v1";

    /** A ledger problem created or changed; key: county code. Payload {@link ProblemChangedV1}. */
    public static final String SUPERVISION_PROBLEMS = "supervision.problems.v1";
    /** A county's review stage changed; key: county code. */
    public static final String SUPERVISION_REVIEWS = "supervision.reviews.v1";

    /**
     * An account's tokens issued so far were revoked; key: the account name (the token's {@code upn}). Payload
     * {@link TokenRevocationV1}. Every service reads it whole, without a consumer group.
     */
    public static final String TOKEN_REVOCATIONS = "gateway.revocations.v1";

    private Topics() {
    }
}
