package io.balance.supervision.problem;

/**
 * One failing item of an evaluation, as the ledger keeps it: {@code key} is stable across revisions
 * ({@code 2025/QUALITY_2017/school/1199990101/PRIMARY/R5}), so the same item is the same problem.
 *
 * @param ref  the indicator, check, veto or input the item is about
 * @param hint the evaluation's remedy for a CV over its limit, or the check's detail
 */
public record LedgerItem(String key, String schoolCode, String schoolName, String stage, String ref, String title,
        String hint, Gap gap) {
}
