package io.balance.school;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.balance.school.importing.ImportColumns;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk import as a job: JSON, CSV and XLSX; bad rows rejected whole with row and field, good rows kept. */
@QuarkusTest
class ImportTest {
    static final String COUNTY = "490101";
    static final String BASE = "/api/v1/counties/" + COUNTY + "/reports/2025/import";
    static boolean ready;

    @BeforeEach
    void setUp() {
        if (!ready) {
            Api.county(COUNTY);
            ready = true;
        }
    }

    static ObjectNode row(String code, String name, String type, ObjectNode report) {
        ObjectNode row = Api.JSON.createObjectNode();
        row.putObject("school").put("schoolCode", code).put("name", name).put("type", type)
                .put("location", "RURAL").put("publicSchool", true).put("boarding", false);
        row.set("report", report);
        return row;
    }

    static ObjectNode teachingPointReport() {
        ObjectNode r = Api.primaryReport();
        ((ObjectNode) r.get("students")).put("PRIMARY", 38);
        ((ObjectNode) r.get("classSizes")).putArray("PRIMARY").add(12).add(14).add(12);
        ((ObjectNode) r.get("teachers")).set("PRIMARY", Api.parse("""
                {"fullTime": 4, "aboveRequiredDegree": 3, "backboneCountyOrAbove": 0, "backboneCityOrAbove": 0,
                 "peArtMusic": 1, "intermediateTitleOrAbove": 2, "certified": 4, "training360Completed": 4,
                 "rotationEligible": 1, "rotated": 0, "rotatedBackbone": 0}"""));
        return r;
    }

    /** Posts, checks the 202 answer, and waits for the job to finish. */
    static JsonPath run(String contentType, byte[] body, String query) {
        Response r = Api.as(Api.admin()).contentType(contentType).body(body).post(BASE + query);
        r.then().statusCode(202).body("status", org.hamcrest.Matchers.anyOf(equalTo("QUEUED"), equalTo("RUNNING"), equalTo("DONE")));
        String location = r.header("Location");
        assertTrue(location.contains(BASE + "/"), location);
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("QUEUED", "RUNNING").contains(Api.as(Api.admin()).get(path).jsonPath().getString("status")));
        JsonPath job = Api.as(Api.admin()).get(path).jsonPath();
        assertEquals("DONE", job.getString("status"));
        return job;
    }

    @Test
    void jsonImportKeepsGoodRowsAndRejectsBadRowsWhole() {
        ObjectNode bad = Api.primaryReport();
        ((ObjectNode) bad.get("teachers").get("PRIMARY")).put("aboveRequiredDegree", 41);
        ((ObjectNode) bad.get("facilities")).put("books", -1);
        ArrayNode rows = Api.JSON.createArrayNode()
                .add(row("4901010001", "东关小学", "PRIMARY", Api.primaryReport()))
                .add(row("4901010002", "西关小学", "PRIMARY", bad))
                .add(row("4901010003", "南街九年一贯制学校", "NINE_YEAR", Api.nineYearReport()))
                .add(row("4901010001", "东关小学", "PRIMARY", Api.primaryReport()));
        JsonPath job = run("application/json", rows.toString().getBytes(StandardCharsets.UTF_8), "");
        assertEquals(4, job.getInt("totalRows"));
        assertEquals(4, job.getInt("processedRows"));
        assertEquals(2, job.getInt("acceptedRows"));
        assertEquals(2, job.getInt("rejectedRows"));
        assertEquals(List.of(2, 4), job.getList("errors.row"));
        assertEquals("4901010002", job.getString("errors[0].schoolCode"));
        assertTrue(job.getList("errors[0].errors.field").containsAll(
                List.of("report.teachers.PRIMARY.aboveRequiredDegree", "report.facilities.books")));
        assertEquals("school.schoolCode", job.getString("errors[1].errors[0].field"));

        Api.as(Api.admin()).get("/api/v1/schools/4901010001/reports/2025").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("revision", equalTo(1));
        Api.as(Api.admin()).get("/api/v1/schools/4901010003/reports/2025").then().statusCode(200)
                .body("report.students.JUNIOR", equalTo(200));
        // nothing of the bad row was stored, not even its (valid) school part
        Api.as(Api.admin()).get("/api/v1/schools/4901010002").then().statusCode(404);
        Api.as(Api.admin()).get("/api/v1/schools/4901010001/reports/2025/history").then()
                .body("transitions[0].source", startsWith("import:"));
    }

    @Test
    void csvImportWithChineseHeadersAndBadRows() {
        String template = new String(Api.as(Api.admin()).get(BASE + "/template?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(template.startsWith("\uFEFF学校标识码,学校名称,办学类型,城乡类型"), template);
        ObjectNode badSizes = Api.primaryReport();
        ((ObjectNode) badSizes.get("classSizes")).putArray("PRIMARY").add(45).add(44);
        List<List<String>> cells = new ArrayList<>();
        cells.add(flat(row("4901010011", "河滨小学", "小学", Api.primaryReport())));
        List<String> bad = flat(row("4901010012", "河西小学", "小学", badSizes));
        bad.set(index("report.teachers.PRIMARY.fullTime"), "四十");
        cells.add(bad);
        cells.add(flat(row("4901010013", "石门教学点", "教学点", teachingPointReport())));
        StringBuilder csv = new StringBuilder(template.substring(1));
        for (List<String> c : cells) {
            csv.append(String.join(",", c.stream().map(v -> v.contains(",") ? '"' + v + '"' : v).toList())).append("\r\n");
        }
        JsonPath job = run("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), "?submit=true");
        assertEquals(2, job.getInt("acceptedRows"));
        assertEquals(1, job.getInt("rejectedRows"));
        assertEquals(3, job.getInt("errors[0].row"), "sheet row numbers: header is row 1");
        assertTrue(job.getList("errors[0].errors.field").containsAll(
                List.of("report.teachers.PRIMARY.fullTime")), job.prettify());
        assertTrue(job.getList("errors[0].errors.column").contains("小学专任教师数"), job.prettify());
        Api.as(Api.admin()).get("/api/v1/schools/4901010013").then().statusCode(200)
                .body("type", equalTo("TEACHING_POINT"));
        Api.as(Api.admin()).get("/api/v1/schools/4901010013/reports/2025").then()
                .body("status", equalTo("SUBMITTED")).body("report.students.PRIMARY", equalTo(38));
        Api.as(Api.admin()).get("/api/v1/schools/4901010012").then().statusCode(404);
    }

    @Test
    void xlsxImportFromTheTemplate() throws Exception {
        byte[] template = Api.as(Api.admin()).get(BASE + "/template?format=xlsx").then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment")).extract().asByteArray();
        byte[] upload;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("学校标识码", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("填写说明", wb.getSheetName(1));
            List<String> bad = flat(row("4901010022", "x", "初中", Api.primaryReport()));
            bad.set(index("school.name"), "");
            List<List<String>> rows = List.of(
                    flat(row("4901010021", "城东小学", "小学", Api.primaryReport())),
                    bad,
                    flat(row("4901010023", "城南九年制学校", "九年一贯制学校", Api.nineYearReport())));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v.matches("\\d{1,9}(\\.\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v)); // numbers as Excel stores them
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            upload = out.toByteArray();
        }
        Response r = Api.as(Api.admin()).contentType("multipart/form-data")
                .multiPart("file", "年报.xlsx", upload, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post(BASE);
        r.then().statusCode(202);
        String path = r.header("Location").substring(r.header("Location").indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(Api.as(Api.admin()).get(path).jsonPath().getString("status")));
        JsonPath job = Api.as(Api.admin()).get(path).jsonPath();
        assertEquals("xlsx", job.getString("format"));
        assertEquals(2, job.getInt("acceptedRows"), job.prettify());
        assertEquals(3, job.getInt("errors[0].row"));
        // a JUNIOR school cannot have the primary report's students, and the name is missing
        assertTrue(job.getList("errors[0].errors.field").containsAll(List.of("school.name", "report.students.PRIMARY")), job.prettify());
        Api.as(Api.admin()).get("/api/v1/schools/4901010023/reports/2025").then().statusCode(200)
                .body("report.classSizes.JUNIOR", equalTo(List.of(50, 50, 50, 50)));
        Api.as(Api.admin()).get("/api/v1/schools/4901010022").then().statusCode(404);
    }

    @Test
    void importMeetsTheReviewState() {
        ArrayNode first = Api.JSON.createArrayNode()
                .add(row("4901010031", "甲小学", "PRIMARY", Api.primaryReport()))
                .add(row("4901010032", "乙小学", "PRIMARY", Api.primaryReport()));
        run("application/json", first.toString().getBytes(StandardCharsets.UTF_8), "?submit=true");
        Api.as(Api.admin()).post("/api/v1/schools/4901010031/reports/2025/approve").then().statusCode(200);
        ObjectNode changed = Api.primaryReport();
        ((ObjectNode) changed.get("facilities")).put("computers", 80);
        ArrayNode second = Api.JSON.createArrayNode()
                .add(row("4901010031", "甲小学", "PRIMARY", changed))
                .add(row("4901010032", "乙小学", "PRIMARY", changed));
        JsonPath job = run("application/json", second.toString().getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, job.getInt("acceptedRows"));
        assertEquals(2, job.getInt("errors[0].row"));
        assertEquals("report", job.getString("errors[0].errors[0].field"));
        // approved stays counting; the import started revision 2 as a DRAFT
        Api.as(Api.admin()).get("/api/v1/schools/4901010031/reports/2025").then()
                .body("revision", equalTo(2)).body("status", equalTo("DRAFT")).body("countingRevision", equalTo(1));
        Api.as(Api.admin()).get("/api/v1/schools/4901010032/reports/2025").then()
                .body("status", equalTo("SUBMITTED")).body("report.facilities.computers", equalTo(60));
    }

    @Test
    void unreadableUploadsAre400AndStartNoJob() {
        int jobsBefore = Api.as(Api.admin()).get(BASE).jsonPath().getList("$").size();
        Api.as(Api.admin()).body("{\"school\": {}}").post(BASE).then().statusCode(400)
                .body("errors.field", hasItem("(body)"));
        Api.as(Api.admin()).body("[{\"school\": ").post(BASE).then().statusCode(400);
        Api.as(Api.admin()).contentType("text/csv").body("学校标识码,学校年龄\r\n4901010099,3\r\n".getBytes(StandardCharsets.UTF_8))
                .post(BASE).then().statusCode(400).body("errors.field", hasItems("header[2]"));
        Api.as(Api.admin()).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body("PK not really a workbook".getBytes(StandardCharsets.UTF_8)).post(BASE).then().statusCode(400)
                .body("errors.field", hasItem("(file)"));
        Api.as(Api.admin()).body("[]").post(BASE + "?submit=maybe").then().statusCode(400)
                .body("errors.field", hasItem("submit"));
        Api.as(Api.admin()).body("[]").post("/api/v1/counties/490100/reports/2025/import").then().statusCode(404);
        assertEquals(jobsBefore, Api.as(Api.admin()).get(BASE).jsonPath().getList("$").size());
    }

    /** One template row for {@code row}: every column's value taken from the row's JSON path. */
    static List<String> flat(ObjectNode row) {
        List<String> out = new ArrayList<>();
        for (ImportColumns.Column c : ImportColumns.ALL) {
            JsonNode v = row;
            for (String part : c.path().split("\\.")) {
                v = v == null ? null : v.get(part);
            }
            if (v == null || v.isNull()) {
                out.add("");
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.asText()));
                out.add(String.join(";", items));
            } else if (v.isBoolean()) {
                out.add(v.asBoolean() ? "是" : "否");
            } else {
                out.add(v.asText());
            }
        }
        return out;
    }

    static int index(String path) {
        for (int i = 0; i < ImportColumns.ALL.size(); i++) {
            if (ImportColumns.ALL.get(i).path().equals(path)) {
                return i;
            }
        }
        throw new IllegalArgumentException(path);
    }

    static Map<String, Object> unused() {
        return Map.of();
    }
}
