package io.balance.supervision.problem;

import java.util.EnumSet;
import java.util.Set;

/**
 * A problem's life (supervision.md §3): OPEN → RECTIFYING (assigned, being worked on) → RECTIFIED (the county
 * or department says it is fixed) → VERIFIED (销号, by a higher level); RECTIFIED or VERIFIED → REOPENED, which
 * goes back into the flow. Anything else is a 409.
 */
public enum ProblemStatus {
    OPEN,
    RECTIFYING,
    RECTIFIED,
    VERIFIED,
    REOPENED;

    /** The statuses this one may move to. */
    public Set<ProblemStatus> next() {
        return switch (this) {
            case OPEN, REOPENED -> EnumSet.of(RECTIFYING, RECTIFIED);
            case RECTIFYING -> EnumSet.of(RECTIFIED);
            case RECTIFIED -> EnumSet.of(VERIFIED, REOPENED);
            case VERIFIED -> EnumSet.of(REOPENED);
        };
    }

    public boolean canMoveTo(ProblemStatus to) {
        return next().contains(to);
    }

    /** Overdue counts only what is still to be fixed. */
    public boolean settled() {
        return this == RECTIFIED || this == VERIFIED;
    }
}
