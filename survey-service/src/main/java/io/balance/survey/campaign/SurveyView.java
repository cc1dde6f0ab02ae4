package io.balance.survey.campaign;

import io.balance.survey.questionnaire.Form;
import io.balance.survey.questionnaire.Item;
import io.balance.survey.questionnaire.Standard;
import io.balance.contracts.Location;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the API shows it, with its plan and quota progress (never codes, never answers). */
@Schema(name = "Survey")
public record SurveyView(UUID id, String countyCode, String countyName, int year,
        @Schema(description = "BASIC (基本均衡, 满意度) or QUALITY (优质均衡, 认可度)") Standard standard,
        String standardName, Instant opensAt, Instant closesAt, SurveyStatus status, long residentPopulation,
        Plan samplePlan,
        @Schema(description = "per group: planned, invitations issued, questionnaires returned") Map<Group, Quota> quota,
        String createdBy, Instant createdAt, Instant openedAt, Instant closedAt) {

    /** The sample plan; {@code locationBasis} says what the urban / town / rural split is proportional to. */
    @Schema(name = "SamplePlan")
    public record Plan(int total, int requiredTotal, Map<Group, Integer> byGroup, Map<Location, Integer> byLocation,
            @Schema(description = "POPULATION (resident population per location), SCHOOLS_FALLBACK (registered "
                    + "schools per location, used only when no population split is known), ADJUSTED or NONE")
            String locationBasis) {
    }

    /** Quota progress of one group while the campaign runs. */
    @Schema(name = "QuotaProgress")
    public record Quota(int planned, long issued, long returned) {
    }

    /** One questionnaire of a campaign. */
    @Schema(name = "Questionnaire")
    public record FormView(Form form, String title, String audience, List<Group> groups, List<Item> items) {
        public static FormView of(Form form, List<Item> items) {
            return new FormView(form, form.title, form.audience,
                    Arrays.stream(Group.values()).filter(g -> g.form == form).toList(), items);
        }
    }

    @Schema(name = "QuestionnaireItems")
    public record ItemsInput(List<Item> items) {
    }
}
