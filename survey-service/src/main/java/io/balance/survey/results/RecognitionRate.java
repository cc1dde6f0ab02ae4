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

    /** Item answers of some questionnaires, by kind. */
    public static final class Answers {
        public long recognise;
        public long mostly;
        public long not;
        public long unknown;

        void add(Answers o) {
            recognise += o.recognise;
            mostly += o.mostly;
            not += o.not;
            unknown += o.unknown;
        }

        public Double rate() {
            return of(recognise, mostly, not);
        }
    }

    /**
     * Tallies of one slice (overall, a group, a school, a location). Valid = unflagged, or flagged and accepted by
     * a reviewer; a flagged answer awaiting review is {@code pending}, one rejected is {@code rejected}.
     */
    public static final class Tally {
        public long valid;
        public long flagged;
        public long pending;
        public long accepted;
        public long rejected;
        /** Over the valid questionnaires: what {@link #rate()} counts. */
        public final Answers counted = new Answers();
        /** Over every stored questionnaire, flagged or not: what {@link #rateAllAnswers()} counts. */
        public final Answers all = new Answers();

        public void add(Tally o) {
            valid += o.valid;
            flagged += o.flagged;
            pending += o.pending;
            accepted += o.accepted;
            rejected += o.rejected;
            counted.add(o.counted);
            all.add(o.all);
        }

        /** The rate over valid (unflagged or accepted) questionnaires. */
        public Double rate() {
            return counted.rate();
        }

        /** The rate as if every stored answer counted, flagged ones included. */
        public Double rateAllAnswers() {
            return all.rate();
        }
    }
}
