package io.balance.supervision.target;

/** A target in a year: met, not met, or no evaluation figure to judge it by. */
public enum TargetStatus {
    MET,
    NOT_MET,
    NO_DATA
}
