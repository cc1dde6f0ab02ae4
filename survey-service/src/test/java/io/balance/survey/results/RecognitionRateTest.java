package io.balance.survey.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecognitionRateTest {
    @Test
    void dontKnowIsLeftOutOfTheDenominator() {
        // 认可 6, 比较认可 2, 不认可 2, 不了解 10: (6 + 2) / (20 − 10) = 0.8
        assertEquals(0.8, RecognitionRate.of(6, 2, 2), 1e-12);
        // the official worked shape: 850 positive of 1000 counted
        assertEquals(0.85, RecognitionRate.of(700, 150, 150), 1e-12);
    }

    @Test
    void undefinedWhenOnlyDontKnow() {
        assertNull(RecognitionRate.of(0, 0, 0));
        RecognitionRate.Tally t = new RecognitionRate.Tally();
        t.counted.unknown = 10;
        t.valid = 1;
        assertNull(t.rate());
    }

    @Test
    void rateAllAnswersCountsFlaggedQuestionnairesTheRateLeavesOut() {
        RecognitionRate.Tally valid = new RecognitionRate.Tally();
        valid.valid = 1;
        valid.counted.recognise = 8;
        valid.counted.not = 2;
        valid.all.recognise = 8;
        valid.all.not = 2;
        RecognitionRate.Tally pending = new RecognitionRate.Tally();
        pending.flagged = 1;
        pending.pending = 1;
        pending.all.not = 10;
        RecognitionRate.Tally overall = new RecognitionRate.Tally();
        overall.add(valid);
        overall.add(pending);
        assertEquals(0.8, overall.rate(), 1e-12); // 8 / 10 over the valid one
        assertEquals(0.4, overall.rateAllAnswers(), 1e-12); // 8 / 20 over both
        assertEquals(1, overall.pending);
    }
}
