package io.balance.survey.results;

/**
 * 认可度 = (认可 + 比较认可) / (all answers − 不了解), pooled over the items of valid questionnaires.
 * Undefined (null), never 0 or NaN, when nothing but 不了解 (or nothing at all) was answered.
 */
public final class RecognitionRate {
    private RecognitionRate() {
    }

    public static Double of(long recognise, long mostly, long not) {
        long counted = recognise + mostly + not;
        return counted == 0 ? null : (double) (recognise + mostly) / counted;
    }

    /** Tallies of one slice (overall, a group, a school, a location). */
    public static final class Tally {
        public long valid;
        public long flagged;
        public long recognise;
        public long mostly;
        public long not;
        public long unknown;

        public void add(Tally o) {
            valid += o.valid;
            flagged += o.flagged;
            recognise += o.recognise;
            mostly += o.mostly;
            not += o.not;
            unknown += o.unknown;
        }

        public Double rate() {
            return of(recognise, mostly, not);
        }
    }
}
