package io.balance.indicator.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.kit.problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funding figures of a findings document: optional, non-negative, the growth denominators positive. */
class FundingValidationTest {
    static List<String> fields(Funding funding) {
        return FindingsValidator.validate(new Findings(null, null, null, null, null, null, null, funding)).stream()
                .map(FieldError::field).toList();
    }

    @Test
    void zeroIsAnAmountButNotARevenueOrAHeadCount() {
        assertEquals(List.of(), fields(new Funding(0.0, 0.01, 1, 0.0, 0.0, 0.0, 0.0, 1)));
        assertEquals(List.of(), fields(new Funding(null, null, null, null, null, null, null, null)));
        assertEquals(List.of("funding.recurrentRevenueYuan", "funding.compulsoryPupils", "funding.students"),
                fields(new Funding(0.0, 0.0, 0, 0.0, 0.0, 0.0, 0.0, 0)));
    }

    @Test
    void negativeAmountsAreNamed() {
        assertEquals(List.of("funding.compulsoryAppropriationYuan", "funding.recurrentRevenueYuan", "funding.compulsoryPupils",
                "funding.staffAveragePayYuan", "funding.publicFundsPerPupilPrimaryYuan", "funding.publicFundsPerPupilJuniorYuan",
                "funding.generalBudgetEducationYuan", "funding.students"),
                fields(new Funding(-0.01, -1.0, -1, -1.0, -1.0, -1.0, -1.0, -5)));
        // not a number, and above 10^13 yuan
        assertEquals(List.of("funding.staffAveragePayYuan", "funding.generalBudgetEducationYuan"),
                fields(new Funding(null, null, null, Double.NaN, null, null, 1e14, null)));
    }
}
