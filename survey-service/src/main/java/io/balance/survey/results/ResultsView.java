package io.balance.survey.results;

import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.SurveyStatus;
import io.balance.survey.questionnaire.Standard;
import io.balance.contracts.Location;
import io.balance.survey.response.Answer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's results as the API shows them. */
@Schema(name = "SurveyResults")
public record ResultsView(UUID surveyId, String countyCode, int year, Standard standard, SurveyStatus status,
        @Schema(description = "(认可 + 比较认可) / (all item answers − 不了解) over valid questionnaires: unflagged, or "
                + "flagged and accepted by a reviewer; null while undefined") Double rate,
        @Schema(description = "the same over every stored questionnaire, flagged ones included") Double rateAllAnswers,
        long valid,
        @Schema(description = "flagged questionnaires, reviewed or not") long flagged,
        @Schema(description = "flagged questionnaires awaiting review: left out of rate until accepted") long pendingReview,
        long accepted, long rejected, Map<Answer, Long> answers, double passRate, Boolean passes,
        Map<Group, Slice> byGroup, Map<String, Slice> bySchool, Map<Location, Slice> byLocation,
        Map<Group, Quota> quota, int plannedTotal, long invitationsIssued,
        @Schema(description = "valid questionnaires / invitations issued") Double validReturnRate,
        String validReturnRateBasis, double minValidReturnRate, Instant asOf) {

    /** The denominator of the valid-return rate, said in the results themselves. */
    public static final String VALID_RETURN_RATE_BASIS =
            "valid questionnaires / invitations issued (有效问卷数 / 已发放邀请数)";

    @Schema(name = "SurveyResultsSlice")
    public record Slice(String name, Double rate, Double rateAllAnswers, long valid, long flagged, long pendingReview,
            Map<Answer, Long> answers) {
        static Slice of(RecognitionRate.Tally t, String name) {
            return new Slice(name, t.rate(), t.rateAllAnswers(), t.valid, t.flagged, t.pending, ResultsView.answers(t.counted));
        }
    }

    @Schema(name = "SurveyQuota")
    public record Quota(int planned, long issued, long valid, long flagged, long pendingReview, Double progress) {
    }

    static Map<Answer, Long> answers(RecognitionRate.Answers a) {
        Map<Answer, Long> m = new EnumMap<>(Answer.class);
        m.put(Answer.RECOGNISE, a.recognise);
        m.put(Answer.MOSTLY, a.mostly);
        m.put(Answer.NOT, a.not);
        m.put(Answer.UNKNOWN, a.unknown);
        return m;
    }
}
