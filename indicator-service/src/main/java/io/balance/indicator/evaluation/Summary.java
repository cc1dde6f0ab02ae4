package io.balance.indicator.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.balance.indicator.review.CountyReviewStage;
import io.balance.indicator.ruleset.RuleSetChoice;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline of an evaluation: stored per year for trends ({@code county_evaluation.summary}) and listed by
 * roll-ups. Stored headlines of earlier versions may lack newer fields (null) or carry fields since dropped.
 *
 * @param revision    the stored evaluation's revision (history only)
 * @param computedAt  when it was stored (history only)
 * @param reviewStage the county's review stage for the year, attached when read (null: not started); not part of
 *                    the evaluation, its digest or revision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(
        String countyCode,
        String countyName,
        int year,
        String ruleSet,
        int ruleSetVersion,
        RuleSetChoice ruleSetChoice,
        String verdict,
        int basedOnReports,
        List<String> failingParts,
        int missingInputCount,
        List<String> missingInputs,
        Map<String, String> parts,
        Double recognitionRate,
        Evaluation.Compliance compliance,
        Map<String, StageSummary> stages,
        Long revision,
        Instant computedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) CountyReviewStage reviewStage) {

    /** @param cv per indicator (null where undefined); compositeCv for BASIC sets */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageSummary(int includedSchools, Double compliantShare, Double largeClassShare,
            Integer superLargeClasses, @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Double> cv, Double maxCv,
            String maxCvIndicator, Double compositeCv) {
    }

    public static Summary of(Evaluation e) {
        List<String> missing = e.missingInputs();
        Map<String, String> parts = new LinkedHashMap<>();
        e.parts().forEach((name, part) -> parts.put(name, part.status()));
        Evaluation.Part recognition = e.parts().get("recognition");
        Map<String, StageSummary> stages = new LinkedHashMap<>();
        e.stages().forEach((stage, st) -> {
            Map<String, Double> cvs = new LinkedHashMap<>();
            st.indicators().forEach((id, ind) -> cvs.put(id, ind.cv()));
            Double max = null;
            String maxId = null;
            for (var c : cvs.entrySet()) {
                if (c.getValue() != null && (max == null || c.getValue() > max)) {
                    max = c.getValue();
                    maxId = c.getKey();
                }
            }
            stages.put(stage, new StageSummary(st.includedSchools(), st.figures().compliantShare(),
                    st.figures().largeClassShare(), st.figures().superLargeClasses(), cvs, max, maxId,
                    st.composite() == null ? null : st.composite().cv()));
        });
        return new Summary(e.countyCode(), e.countyName(), e.year(), e.ruleSet(), e.ruleSetVersion(), e.ruleSetChoice(),
                e.verdict(), e.basedOnReports(), e.failingParts(), missing.size(),
                missing.size() > 20 ? missing.subList(0, 20) : missing, parts,
                recognition == null ? null : recognition.rate(), e.compliance(), stages, null, null, null);
    }

    /** The stored headline with its revision and time. */
    public Summary at(long revision, Instant computedAt) {
        return new Summary(countyCode, countyName, year, ruleSet, ruleSetVersion, ruleSetChoice, verdict, basedOnReports,
                failingParts, missingInputCount, missingInputs, parts, recognitionRate, compliance, stages, revision,
                computedAt, reviewStage);
    }

    /** The same headline with the county's review stage for its year (null: not started). */
    public Summary withReviewStage(CountyReviewStage stage) {
        return new Summary(countyCode, countyName, year, ruleSet, ruleSetVersion, ruleSetChoice, verdict, basedOnReports,
                failingParts, missingInputCount, missingInputs, parts, recognitionRate, compliance, stages, revision,
                computedAt, stage);
    }
}
