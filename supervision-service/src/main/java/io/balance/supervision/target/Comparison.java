package io.balance.supervision.target;

/** How the actual is held against the target: at least (compliant share, recognition) or at most (large classes, CVs). */
public enum Comparison {
    AT_LEAST,
    AT_MOST
}
