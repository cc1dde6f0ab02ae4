package io.balance.indicator.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a county's review (评估认定) for a year stands, as supervision-service last published it on
 * {@code supervision.reviews.v1}. Attached to evaluations and roll-ups when they are read.
 *
 * @param stage           SELF_EVALUATION, CITY_REVIEW, PROVINCE_EVALUATION, PUBLICATION, RECOGNISED or NOT_RECOGNISED
 * @param action          the step that led there: SUBMITTED, PASSED, RETURNED, PUBLISHED, REOPENED, RECOGNISED …
 * @param verdict         the frozen verdict of record (PASS, FAIL, INCOMPLETE), null before the first snapshot
 * @param snapshotVersion the latest snapshot of the figures of record, null before the first
 * @param snapshotDigest  its SHA-256
 * @param changedAt       when supervision-service took the step
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A county's review stage for the year (supervision.reviews.v1); null when its process has not started")
public record CountyReviewStage(
        @Schema(required = true, examples = "CITY_REVIEW") String stage,
        @Schema(required = true, examples = "SUBMITTED") String action,
        @Schema(nullable = true, examples = "PASS") String verdict,
        @Schema(nullable = true) Integer snapshotVersion,
        @Schema(nullable = true) String snapshotDigest,
        @Schema(required = true) Instant changedAt) {

    /** The stages ReviewChangedV1 documents, in process order: each is a key of a roll-up's totals. */
    public static final List<String> STAGES = List.of("SELF_EVALUATION", "CITY_REVIEW", "PROVINCE_EVALUATION",
            "PUBLICATION", "RECOGNISED", "NOT_RECOGNISED");
    /** The totals' key of counties whose process for the year has not started (no event yet). */
    public static final String NOT_STARTED = "NOT_STARTED";
}
