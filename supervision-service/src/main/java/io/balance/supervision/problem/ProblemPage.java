package io.balance.supervision.problem;

import java.util.List;

/** A page of the ledger; {@code page} starts at 0. */
public record ProblemPage(List<ProblemView> items, int page, int size, long total) {
}
