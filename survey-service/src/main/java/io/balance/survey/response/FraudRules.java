package io.balance.survey.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Plausibility checks (问卷有效性): reasons for the supervising level to look at an answer, never a silent
 * exclusion (evaluation-standards.md §5). A flagged answer is kept, reported apart and left out of the reviewed
 * rate until a reviewer accepts (it then counts) or rejects it.
 * <ul>
 * <li>{@code TOO_FAST}: completed faster than anyone can read the items (or posted without the questionnaire ever
 * having been opened);</li>
 * <li>{@code ALL_SAME}: the same answer to every item <em>and</em> too fast. A sincere respondent who recognises
 * everything answers the same to every item: that alone is no flag;</li>
 * <li>{@code BURST}: more answers from one source (address range) within a minute than a household sends, e.g. a
 * parents' meeting on the school's Wi-Fi, or one person with a stack of codes. Only the reviewer can tell.</li>
 * </ul>
 */
public record FraudRules(double minSecondsPerItem, int allSameMinItems, int burstThreshold) {
    public static final String TOO_FAST = "TOO_FAST";
    public static final String ALL_SAME = "ALL_SAME";
    public static final String BURST = "BURST";

    /**
     * @param durationMs       from the first fetch of the questionnaire to the submission; null when the
     *                         questionnaire was never fetched (a blind POST), which is as implausible as it gets
     * @param answers          one answer per item
     * @param recentFromSource submissions from the same address range in the burst window, this one included
     */
    public List<String> flags(Long durationMs, Collection<Answer> answers, int recentFromSource) {
        List<String> flags = new ArrayList<>(3);
        double minMs = minSecondsPerItem * 1000 * answers.size();
        boolean tooFast = durationMs == null || durationMs < minMs;
        if (tooFast) {
            flags.add(TOO_FAST);
            if (answers.size() >= allSameMinItems && new HashSet<>(answers).size() == 1) {
                flags.add(ALL_SAME);
            }
        }
        if (recentFromSource > burstThreshold) {
            flags.add(BURST);
        }
        return flags;
    }
}
