package io.balance.survey.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Plausibility checks (问卷有效性): an answer is flagged, kept for review and left out of the rate when it
 * was completed implausibly fast, gives the same answer to every item, or comes in a burst from one source.
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
        if (durationMs == null || durationMs < minMs) {
            flags.add(TOO_FAST);
        }
        if (answers.size() >= allSameMinItems && new HashSet<>(answers).size() == 1) {
            flags.add(ALL_SAME);
        }
        if (recentFromSource > burstThreshold) {
            flags.add(BURST);
        }
        return flags;
    }
}
