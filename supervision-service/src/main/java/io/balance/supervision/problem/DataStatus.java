package io.balance.supervision.problem;

/** For a problem derived from data: whether the latest evaluation shows the item met. */
public enum DataStatus {
    MET,
    NOT_MET
}
