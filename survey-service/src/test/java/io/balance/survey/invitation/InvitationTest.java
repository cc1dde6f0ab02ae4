package io.balance.survey.invitation;

import static io.balance.survey.Fixtures.admin;
import static io.balance.survey.Fixtures.as;
import static io.balance.survey.Fixtures.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.balance.infra.EmbeddedInfraTestResource;
import io.balance.survey.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "survey"))
class InvitationTest {
    static final String COUNTY = "419911";
    static final String URBAN = COUNTY + "0001";
    static final String TOWN = COUNTY + "0002";
    static final String RURAL = COUNTY + "0003";
    static String survey;

    @BeforeEach
    void campaign() {
        if (survey != null) {
            return;
        }
        Fixtures.standardCounty(COUNTY, 300_000);
        Fixtures.standardCounty("419912", 300_000);
        survey = Fixtures.openSurvey(COUNTY, 2025);
    }

    private static io.restassured.response.Response issue(String token, String school, String group, Object count) {
        return as(token).body(school == null ? Map.of("group", group, "count", count)
                : Map.of("schoolCode", school, "group", group, "count", count))
                .post("/api/v1/surveys/" + survey + "/invitations");
    }

    @Test
    void quotasPerGroupAndLocationAreEnforced() {
        // plan: TEACHER 50; URBAN school-bound 113
        issue(admin(), URBAN, "TEACHER", 40).then().statusCode(201).body("codes", hasSize(40));
        issue(admin(), URBAN, "TEACHER", 11).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("50 planned, 40 already issued"));
        issue(admin(), URBAN, "TEACHER", 10).then().statusCode(201);
        issue(admin(), TOWN, "TEACHER", 1).then().statusCode(409);
        // urban so far: 50 teachers; 63 parents fill the 113
        issue(admin(), URBAN, "PARENT", 63).then().statusCode(201);
        issue(admin(), URBAN, "STUDENT", 1).then().statusCode(409).body("detail", containsString("URBAN"));
        issue(admin(), RURAL, "STUDENT", 1).then().statusCode(201);
        // county-wide groups need no school
        issue(admin(), null, "NPC_DEPUTY", 50).then().statusCode(201).body("schoolCode", equalTo(null));
        issue(admin(), null, "NPC_DEPUTY", 1).then().statusCode(409);
        as(admin()).get("/api/v1/surveys/" + survey + "/results").then().statusCode(200)
                .body("quota.TEACHER.planned", equalTo(50)).body("quota.TEACHER.issued", equalTo(50))
                .body("quota.NPC_DEPUTY.issued", equalTo(50));
    }

    @Test
    void invalidRequestsName400Fields() {
        issue(admin(), URBAN, "ALIENS", 1).then().statusCode(400).body("errors[0].field", equalTo("group"));
        issue(admin(), URBAN, "PARENT", 0).then().statusCode(400).body("errors[0].field", equalTo("count"));
        issue(admin(), URBAN, "PARENT", 100_000).then().statusCode(400).body("errors[0].field", equalTo("count"));
        issue(admin(), URBAN, "PARENT", "many").then().statusCode(400).body("errors[0].field", equalTo("count"));
        issue(admin(), null, "PARENT", 1).then().statusCode(400).body("errors[0].field", equalTo("schoolCode"));
        issue(admin(), "4199120001", "PARENT", 1).then().statusCode(400)
                .body("errors[0].field", equalTo("schoolCode"));
    }

    @Test
    void onlyTheSupervisingLevelIssuesAndSeesCodes() {
        // a reviewer of the county's city and the province administrator issue
        issue(Fixtures.reviewer(COUNTY), TOWN, "PARENT", 2).then().statusCode(201);
        issue(token("PROVINCE_ADMIN", "410000"), TOWN, "PARENT", 1).then().statusCode(201);
        // the county under evaluation, its schools and its viewers do not (403: they may see the campaign)
        for (String who : List.of(token("COUNTY_ADMIN", COUNTY), token("SCHOOL_REPORTER", TOWN),
                token("VIEWER", COUNTY), token("REVIEWER", COUNTY), token("VIEWER", "419900"))) {
            issue(who, TOWN, "PARENT", 2).then().statusCode(403).contentType("application/problem+json");
        }
        // another county's administrator, another city's reviewer: 404 (they may not know the campaign exists)
        issue(token("COUNTY_ADMIN", "419912"), TOWN, "PARENT", 2).then().statusCode(404);
        issue(token("REVIEWER", "419800"), TOWN, "PARENT", 2).then().statusCode(404);
        String batch = as(Fixtures.reviewer(COUNTY)).get("/api/v1/surveys/" + survey + "/invitations").then()
                .statusCode(200).extract().path("[0].batchId");
        // codes, batches, QR images and sheets: 404 for the county and everyone under the supervising level
        for (String who : List.of(token("COUNTY_ADMIN", COUNTY), token("SCHOOL_REPORTER", TOWN),
                token("VIEWER", COUNTY), token("VIEWER", "419900"), token("INTEGRATION", "410000"))) {
            as(who).get("/api/v1/surveys/" + survey + "/invitations").then().statusCode(404);
            as(who).get("/api/v1/surveys/" + survey + "/invitations/batches/" + batch + "/sheet.pdf").then()
                    .statusCode(404).contentType("application/problem+json");
            as(who).get("/api/v1/surveys/" + survey + "/invitations/batches/" + batch + "/codes/0/qr.png").then()
                    .statusCode(404);
        }
        as(token("PROVINCE_ADMIN", "410000")).get("/api/v1/surveys/" + survey + "/invitations/batches/" + batch
                + "/sheet.pdf").then().statusCode(200);
    }

    @Test
    void codesAreUnguessableStoredHashedAndPrintable() throws Exception {
        var issued = issue(admin(), RURAL, "PARENT", 13).then().statusCode(201).extract().jsonPath();
        List<String> codes = issued.getList("codes", String.class);
        String batch = issued.getString("batchId");
        assertEquals(13, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[A-Z2-7]{32}"), code); // 160 bits
            assertEquals(1, Fixtures.count("SELECT count(*) FROM invitation WHERE code_hash = sha256(convert_to('"
                    + code + "', 'UTF8'))"));
            assertEquals(0, Fixtures.count("SELECT count(*) FROM invitation_batch WHERE position(convert_to('"
                    + code + "', 'UTF8') in codes_enc) > 0"));
        }
        // QR image (named by batch and position: no code in any URL) decodes to the public link
        byte[] png = as(admin()).get("/api/v1/surveys/" + survey + "/invitations/batches/" + batch + "/codes/0/qr.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertEquals("http://localhost:8080/s/" + codes.get(0), decoded);
        as(admin()).get("/api/v1/surveys/" + survey + "/invitations/batches/" + batch + "/codes/13/qr.png")
                .then().statusCode(404);
        // printable sheet: 12 slips per A4 page → 2 pages, every code on it
        byte[] pdf = as(admin()).get("/api/v1/surveys/" + survey + "/invitations/batches/" + batch + "/sheet.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            for (String code : codes) {
                assertTrue(text.contains(code), "sheet lacks " + code);
            }
        }
        java.nio.file.Path out = java.nio.file.Path.of("target", "sheets");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.write(out.resolve("invitations.pdf"), pdf);
    }
}
