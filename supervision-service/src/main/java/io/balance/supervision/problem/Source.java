package io.balance.supervision.problem;

/** Where a problem comes from (supervision.md §3). */
public enum Source {
    EVALUATION,
    INSPECTION,
    SURVEY,
    OBJECTION,
    MANUAL
}
