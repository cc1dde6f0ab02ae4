package io.balance.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.balance.contracts.ProblemChangedV1;
import io.balance.contracts.Topics;
import io.balance.infra.EmbeddedInfra;
import io.balance.infra.TopicReader;
import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A department officer acts only on its own problems; evidence files are checked by content and size, stored
 * with their SHA-256 and downloaded with an audit row; the ledger exports in the spec's layout; every change
 * reaches supervision.problems.v1 through the outbox.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class EvidenceAndRolesTest {
    static final String COUNTY = "999831";
    final String admin = Tokens.of("admin-831", "COUNTY_ADMIN", COUNTY);
    final String edu = Tokens.department("edu-831", COUNTY, "EDU");

    @Inject
    AgroalDataSource dataSource;

    RequestSpecification as(String token) {
        // file names in UTF-8 as browsers send them (RFC 6532), not httpmime's ASCII default that turns 台账 into ??
        return given().config(io.restassured.RestAssured.config().httpClient(io.restassured.RestAssured.config()
                        .getHttpClientConfig().httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.RFC6532)))
                .header("Authorization", Tokens.bearer(token));
    }

    @Test
    void departmentEvidenceExportAndEvents() throws Exception {
        String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
        try (Evaluations events = new Evaluations()) {
            events.send(Evaluations.event(COUNTY, 2025, 1, "FAIL", Evaluations.primary(10, 0, List.of(
                    Evaluations.school("1199983101", false, Map.of("R5", 300.25, "R4", 12.5)))), List.of("reports.1199983102")));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> as(admin).get("/api/v1/counties/" + COUNTY + "/problems")
                .then().extract().<Integer>path("total") == 3);
        List<Map<String, Object>> items = as(admin).get("/api/v1/counties/" + COUNTY + "/problems").then().extract().path("items");
        int r5 = id(items, "/R5");
        int r4 = id(items, "/R4");
        int missing = id(items, "missing/reports.1199983102");
        as(admin).contentType(ContentType.JSON).body(Map.of("department", "EDU", "deadline", later)).patch("/api/v1/problems/" + r5)
                .then().statusCode(200);
        as(admin).contentType(ContentType.JSON).body(Map.of("department", "FIN")).patch("/api/v1/problems/" + r4)
                .then().statusCode(200);

        // the department: reads the whole ledger, filters its own, changes only its own and only the owner
        as(edu).get("/api/v1/counties/" + COUNTY + "/problems").then().statusCode(200).body("total", is(3));
        as(edu).get("/api/v1/counties/" + COUNTY + "/problems?department=EDU").then().body("total", is(1))
                .body("items[0].id", is(r5));
        as(edu).contentType(ContentType.JSON).body(Map.of("owner", "李华")).patch("/api/v1/problems/" + r5)
                .then().statusCode(200).body("owner", is("李华"));
        as(edu).contentType(ContentType.JSON).body(Map.of("deadline", later)).patch("/api/v1/problems/" + r5).then().statusCode(403);
        as(edu).contentType(ContentType.JSON).body(Map.of("owner", "x")).patch("/api/v1/problems/" + r4).then().statusCode(403);
        as(edu).contentType(ContentType.JSON).body(Map.of("note", "n", "evidence", List.of("x")))
                .post("/api/v1/problems/" + r4 + "/rectified").then().statusCode(403);
        as(Tokens.department("edu-other", "999832", "EDU")).get("/api/v1/problems/" + r5).then().statusCode(404);

        // evidence: XLSX and PNG by content; oversized, empty, fake DOCX and unsupported types refused, nothing stored
        byte[] xlsx = workbook();
        String xlsxId = as(edu).multiPart("file", "台账.xlsx", xlsx, "application/octet-stream")
                .post("/api/v1/problems/" + r5 + "/evidence").then().statusCode(201)
                .body("contentType", is("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().path("id");
        byte[] png = png();
        as(edu).multiPart("file", "现场.png", png, "image/png").post("/api/v1/problems/" + r5 + "/evidence")
                .then().statusCode(201).body("contentType", is("image/png"));
        as(edu).multiPart("file", "big.pdf", new byte[65537], "application/pdf").post("/api/v1/problems/" + r5 + "/evidence")
                .then().statusCode(400).body("errors[0].message", containsString("limit is 65536"));
        as(edu).multiPart("file", "empty.pdf", new byte[0], "application/pdf").post("/api/v1/problems/" + r5 + "/evidence")
                .then().statusCode(400).body("errors[0].field", is("file"));
        as(edu).multiPart("file", "report.docx", zip("other.txt"), "application/octet-stream")
                .post("/api/v1/problems/" + r5 + "/evidence").then().statusCode(400)
                .body("errors[0].message", containsString("neither an XLSX workbook nor a DOCX document"));
        // a workbook named as a document is mislabelled
        as(edu).multiPart("file", "report.docx", xlsx, "application/octet-stream")
                .post("/api/v1/problems/" + r5 + "/evidence").then().statusCode(400)
                .body("errors[0].message", containsString("mislabelled"));
        as(edu).multiPart("file", "run.sh", "#!/bin/sh\necho hi\n".getBytes(), "text/plain")
                .post("/api/v1/problems/" + r5 + "/evidence").then().statusCode(400).body("errors[0].message", containsString("accepted are"));
        as(edu).multiPart("file", "x.pdf", png, "application/pdf").post("/api/v1/problems/" + r4 + "/evidence").then().statusCode(403);
        as(admin).get("/api/v1/problems/" + r5).then().body("evidence.size()", is(2));

        // download: the same bytes, audited; outside the county a 404
        byte[] back = as(Tokens.of("city", "REVIEWER", "999800")).get("/api/v1/evidence/" + xlsxId).then().statusCode(200)
                .header("X-Content-SHA256", org.hamcrest.Matchers.notNullValue()).extract().asByteArray();
        assertArrayEquals(xlsx, back);
        as(Tokens.of("o", "COUNTY_ADMIN", "999832")).get("/api/v1/evidence/" + xlsxId).then().statusCode(404);
        as(admin).get("/api/v1/evidence/" + UUID.randomUUID()).then().statusCode(404);
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select actor, actor_role from evidence_download where evidence_id = '" + xlsxId + "'")) {
            assertTrue(rs.next());
            assertEquals("city", rs.getString(1));
            assertEquals("REVIEWER", rs.getString(2));
        }

        // the department reports its problem rectified
        as(edu).contentType(ContentType.JSON).body(Map.of("note", "已补充场地", "evidence", List.of(xlsxId)))
                .post("/api/v1/problems/" + r5 + "/rectified").then().statusCode(200).body("status", is("RECTIFIED"));

        // the ledger as XLSX, in the layout counties send upward
        byte[] ledger = as(admin).get("/api/v1/counties/" + COUNTY + "/problems.xlsx?year=2025").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(List.of("序号", "问题", "学校", "指标", "差距", "责任单位", "责任人", "整改时限", "状态", "佐证"), header);
            assertEquals(4, sheet.getPhysicalNumberOfRows());
            Row row = findRow(sheet, "R5");
            assertEquals("300.25 ㎡", row.getCell(4).getStringCellValue());
            assertEquals("教育局", row.getCell(5).getStringCellValue());
            assertEquals("李华", row.getCell(6).getStringCellValue());
            assertEquals(later, row.getCell(7).getStringCellValue());
            assertEquals("已整改", row.getCell(8).getStringCellValue());
            assertEquals("台账.xlsx、现场.png", row.getCell(9).getStringCellValue());
        }

        // every change of r5 reached supervision.problems.v1 (outbox → Kafka), in revision order
        List<ProblemChangedV1> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.consumer()) {
            consumer.subscribe(List.of(Topics.SUPERVISION_PROBLEMS));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ProblemChangedV1 e = Evaluations.JSON.readValue(r.value(), ProblemChangedV1.class);
                    if (e.problemId() == r5) {
                        assertEquals(COUNTY, r.key());
                        published.add(e);
                    }
                }
                return published.size() >= 4;
            });
        }
        assertEquals(List.of("CREATED", "ASSIGNED", "ASSIGNED", "RECTIFIED"), published.stream().map(ProblemChangedV1::action).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), published.stream().map(ProblemChangedV1::revision).toList());
        assertEquals("m2", published.get(0).gapUnit());
        assertEquals(0, new java.math.BigDecimal("300.25").compareTo(published.get(0).gapAmount()));
        as(admin).get("/api/v1/problems/" + missing).then().body("title", containsString("reports.1199983102"));
    }

    static int id(List<Map<String, Object>> items, String keyEnd) {
        return items.stream().filter(p -> ((String) p.get("key")).endsWith(keyEnd)).map(p -> ((Number) p.get("id")).intValue())
                .findFirst().orElseThrow();
    }

    static Row findRow(Sheet sheet, String ref) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && ref.equals(row.getCell(3).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + ref);
    }

    static byte[] workbook() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("证明").createRow(0).createCell(0).setCellValue("验收");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("hello".getBytes());
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
