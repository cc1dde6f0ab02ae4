package io.balance.school;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DRAFT → SUBMITTED → APPROVED, rejection with a reason, revisions after approval, and the audit trail. */
@QuarkusTest
class ReportLifecycleTest {
    static final String COUNTY = "429901";

    static String url(String school) {
        return "/api/v1/schools/" + school + "/reports/2025";
    }

    @Test
    void fullReviewCycleWithRevisionAfterApproval() {
        Api.county(COUNTY);
        String school = "4299010001";
        Api.school(school, COUNTY, "PRIMARY");
        String reporter = Api.token("reporter-1", "SCHOOL_REPORTER", school);
        String county = Api.token("county-1", "COUNTY_ADMIN", COUNTY);

        // the school writes its draft, corrects it in place, and submits
        Api.as(reporter).body(Api.primaryReport().toString()).put(url(school)).then().statusCode(201)
                .body("revision", equalTo(1)).body("status", equalTo("DRAFT")).body("countingRevision", nullValue());
        ObjectNode corrected = Api.primaryReport();
        ((ObjectNode) corrected.get("facilities")).put("books", 20000);
        Api.as(reporter).body(corrected.toString()).put(url(school)).then().statusCode(200)
                .body("revision", equalTo(1)).body("report.facilities.books", equalTo(20000));
        Api.as(reporter).post(url(school) + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        // under review: no edits, no second submit, and the school cannot approve itself
        Api.as(reporter).body(Api.primaryReport().toString()).put(url(school)).then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        Api.as(reporter).post(url(school) + "/submit").then().statusCode(409);
        Api.as(reporter).post(url(school) + "/approve").then().statusCode(403);

        // the county rejects (a reason is required), the school fixes and resubmits, the county approves
        Api.as(county).body("{}").post(url(school) + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.as(county).body(Map.of("reason", "图书册数与台账不符")).post(url(school) + "/reject").then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("rejectionReason", equalTo("图书册数与台账不符"));
        Api.as(county).body(Map.of("reason", "again")).post(url(school) + "/reject").then().statusCode(409);
        Api.as(county).post(url(school) + "/approve").then().statusCode(409);
        Api.as(reporter).body(Api.primaryReport().toString()).put(url(school)).then().statusCode(200)
                .body("revision", equalTo(1));
        Api.as(reporter).post(url(school) + "/submit").then().statusCode(200);
        Api.as(county).post(url(school) + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("countingRevision", equalTo(1))
                .body("approvedBy", equalTo("county-1"));
        Api.as(county).post(url(school) + "/approve").then().statusCode(409);
        Api.as(county).post(url(school) + "/submit").then().statusCode(409);

        // a change after approval starts revision 2; revision 1 keeps counting until 2 is approved
        Api.as(reporter).body(corrected.toString()).put(url(school)).then().statusCode(201)
                .body("revision", equalTo(2)).body("status", equalTo("DRAFT")).body("countingRevision", equalTo(1));
        Api.as(county).get(url(school) + "/approved").then().statusCode(200)
                .body("revision", equalTo(1)).body("report.facilities.books", equalTo(18000));
        Api.as(county).get(url(school) + "/revisions/1").then().statusCode(200).body("status", equalTo("APPROVED"));
        Api.as(reporter).post(url(school) + "/submit").then().statusCode(200);
        Api.as(county).post(url(school) + "/approve").then().statusCode(200).body("countingRevision", equalTo(2));
        Api.as(county).get(url(school) + "/approved").then().body("revision", equalTo(2))
                .body("report.facilities.books", equalTo(20000));

        // the audit trail keeps every revision and transition with who and when
        Api.as(county).get(url(school) + "/history").then().statusCode(200)
                .body("countingRevision", equalTo(2))
                .body("revisions", hasSize(2))
                .body("revisions.status", equalTo(List.of("APPROVED", "APPROVED")))
                .body("transitions.action", equalTo(List.of("CREATED", "UPDATED", "SUBMITTED", "REJECTED", "UPDATED",
                        "SUBMITTED", "APPROVED", "REVISION_STARTED", "SUBMITTED", "APPROVED")))
                .body("transitions.actor", equalTo(List.of("reporter-1", "reporter-1", "reporter-1", "county-1",
                        "reporter-1", "reporter-1", "county-1", "reporter-1", "reporter-1", "county-1")))
                .body("transitions[3].reason", equalTo("图书册数与台账不符"))
                .body("transitions[0].at", startsWith("20"));
    }

    @Test
    void transitionsOnAMissingReportAre404() {
        Api.county(COUNTY);
        Api.school("4299010002", COUNTY, "JUNIOR");
        Api.as(Api.admin()).post(url("4299010002") + "/submit").then().statusCode(404);
        Api.as(Api.admin()).post(url("4299010002") + "/approve").then().statusCode(404);
        Api.as(Api.admin()).get(url("4299010002")).then().statusCode(404);
        Api.as(Api.admin()).get(url("4299010099")).then().statusCode(404);
    }
}
