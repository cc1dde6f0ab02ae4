package io.balance.supervision.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the review. */
public final class ReviewRequests {
    private ReviewRequests() {
    }

    public enum Decision { PASS, RETURN }

    /**
     * The next level's decision. A RETURN needs comments and may add problems to the ledger.
     */
    public record DecisionRequest(
            @NotNull Decision decision,
            @Size(max = 4000) String comments,
            @Valid @Size(max = 200) List<ReturnedProblem> problems) {
    }

    /** A problem a returning reviewer adds to the county's ledger. */
    public record ReturnedProblem(
            @NotBlank @Size(max = 1000) String title,
            @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String schoolCode,
            @Size(max = 100) String ref) {
    }

    /** @param days the objection window in working days (default from configuration) */
    public record PublishRequest(@Min(1) @Max(30) Integer days) {
    }

    public record SubmitRequest(@Size(max = 4000) String comments) {
    }
}
