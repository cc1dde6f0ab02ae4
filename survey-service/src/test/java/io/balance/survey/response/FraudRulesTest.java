package io.balance.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FraudRulesTest {
    private final FraudRules rules = new FraudRules(2, 5, 20);
    private final List<Answer> mixed = List.of(Answer.RECOGNISE, Answer.MOSTLY, Answer.RECOGNISE, Answer.NOT,
            Answer.UNKNOWN, Answer.RECOGNISE, Answer.MOSTLY, Answer.RECOGNISE, Answer.RECOGNISE, Answer.MOSTLY);

    @Test
    void plausibleAnswerHasNoFlags() {
        assertEquals(List.of(), rules.flags(60_000L, mixed, 1));
        assertEquals(List.of(), rules.flags(20_000L, mixed, 20)); // exactly 2 s per item, exactly the burst limit
    }

    @Test
    void tooFastAllSameAndBurst() {
        assertEquals(List.of(FraudRules.TOO_FAST), rules.flags(19_999L, mixed, 1));
        assertEquals(List.of(FraudRules.TOO_FAST), rules.flags(null, mixed, 1)); // never fetched: blind POST
        assertEquals(List.of(FraudRules.BURST), rules.flags(60_000L, mixed, 21));
        assertEquals(List.of(FraudRules.TOO_FAST, FraudRules.ALL_SAME, FraudRules.BURST),
                rules.flags(1_000L, Collections.nCopies(10, Answer.NOT), 50));
        // a short questionnaire all the same and fast is too fast, not ALL_SAME (under 5 items)
        assertEquals(List.of(FraudRules.TOO_FAST), rules.flags(1_000L, Collections.nCopies(4, Answer.MOSTLY), 1));
    }

    @Test
    void theSameAnswerToEveryItemIsAFlagOnlyWithImplausibleSpeed() {
        // a sincere parent who recognises everything, having read for 20 s (2 s an item): no flag at all
        assertEquals(List.of(), rules.flags(20_000L, Collections.nCopies(10, Answer.RECOGNISE), 1));
        assertEquals(List.of(), rules.flags(600_000L, Collections.nCopies(10, Answer.NOT), 1));
        // one millisecond under 2 s an item: too fast, and then all the same is a further reason to look
        assertEquals(List.of(FraudRules.TOO_FAST, FraudRules.ALL_SAME),
                rules.flags(19_999L, Collections.nCopies(10, Answer.RECOGNISE), 1));
        assertEquals(List.of(FraudRules.TOO_FAST, FraudRules.ALL_SAME),
                rules.flags(null, Collections.nCopies(5, Answer.UNKNOWN), 1));
    }

    @Test
    void addressRangesAreSlash24AndSlash64() {
        assertEquals("203.0.113.0/24", ClientKeys.range("203.0.113.77"));
        assertEquals("2001:db8:1:2::/64", ClientKeys.range("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("unknown", ClientKeys.range("not-an-address"));
    }
}
