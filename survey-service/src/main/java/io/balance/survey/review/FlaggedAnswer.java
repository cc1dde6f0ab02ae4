package io.balance.survey.review;

import io.balance.survey.campaign.Group;
import io.balance.contracts.Location;
import io.balance.survey.response.Answer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A flagged answer as the supervising level reviews it (no code, no address: an opaque source label). */
@Schema(name = "FlaggedAnswer")
public record FlaggedAnswer(long responseId, Group group, String schoolCode, Location location, List<String> flags,
        Long durationMs,
        @Schema(description = "opaque label of the answer's source (a keyed hash of its address range, per "
                + "campaign): answers of one burst share it") String source,
        Map<String, Answer> answers, Instant submittedAt,
        @Schema(description = "the current decision; null until reviewed") Review review) {

    /** A review decision: ACCEPT counts the answer as valid, REJECT keeps it out. */
    @Schema(name = "FlagReview")
    public record Review(long id, long responseId, String decision, String reason, String reviewedBy,
            String reviewerRole, Instant reviewedAt) {
    }

    @Schema(name = "FlagReviewInput")
    public record Decision(@Schema(description = "ACCEPT or REJECT") String decision,
            @Schema(description = "why (required, at most 1,000 characters)") String reason) {
    }
}
