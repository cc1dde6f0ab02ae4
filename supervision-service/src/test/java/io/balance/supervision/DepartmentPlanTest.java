package io.balance.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.balance.infra.EmbeddedInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Departments (seeded, editable, in-use ones kept) and plan items (JSON, CSV and XLSX in, XLSX and CSV out). */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "supervision"))
class DepartmentPlanTest {
    static final String COUNTY = "999811";
    final String admin = Tokens.of("admin-811", "COUNTY_ADMIN", COUNTY);

    RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    static Path demo(String name) {
        return Path.of(System.getProperty("balance.repo.root", "..")).resolve("demo/supervision").resolve(name);
    }

    @Test
    void departmentsSeededEditableAndGuarded() {
        as(admin).get("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(200)
                .body("code", hasItem("EDU")).body("find { it.code == 'FIN' }.name", is("财政局"))
                .body("size()", is(10));
        // a department officer and a reviewer read, may not edit; another county does not see it
        as(Tokens.department("edu-1", COUNTY, "EDU")).get("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(200);
        as(Tokens.department("edu-1", COUNTY, "EDU")).contentType(ContentType.JSON).body(List.of(Map.of("code", "EDU", "name", "教育局")))
                .put("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(403);
        as(Tokens.of("r", "REVIEWER", "999800")).contentType(ContentType.JSON).body(List.of(Map.of("code", "EDU", "name", "x")))
                .put("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(403);
        as(Tokens.of("o", "COUNTY_ADMIN", "999812")).get("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(404);
        // invalid entries are named
        as(admin).contentType(ContentType.JSON).body(List.of(Map.of("code", "edu", "name", "教育局"), Map.of("code", "FIN", "name", "")))
                .put("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(400)
                .body("errors.field", equalTo(List.of("[0].code", "[1].name")));
        as(admin).contentType(ContentType.JSON).body(List.of(Map.of("code", "EDU", "name", "a"), Map.of("code", "EDU", "name", "b")))
                .put("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(400)
                .body("errors[0].field", is("[1].code"));
        // a department still assigned cannot be removed
        LocalDate later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
        as(admin).contentType(ContentType.JSON).body(List.of(Map.of("seq", 1, "text", "t", "lead", "FIN", "deadline", later.toString())))
                .put("/api/v1/counties/" + COUNTY + "/plan-items").then().statusCode(200);
        as(admin).contentType(ContentType.JSON).body(List.of(Map.of("code", "EDU", "name", "县教育局")))
                .put("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(409);
        as(admin).get("/api/v1/counties/" + COUNTY + "/departments").then().body("size()", is(10));
        as(admin).contentType(ContentType.JSON).body(List.of(Map.of("code", "EDU", "name", "县教育局"),
                Map.of("code", "FIN", "name", "县财政局"), Map.of("code", "AUDIT", "name", "审计局")))
                .put("/api/v1/counties/" + COUNTY + "/departments").then().statusCode(200);
        as(admin).get("/api/v1/counties/" + COUNTY + "/departments").then().body("code", equalTo(List.of("EDU", "FIN", "AUDIT")));
    }

    @Test
    void planItemsThroughCsvXlsxAndJson() throws Exception {
        String county = "999813";
        String a = Tokens.of("admin-813", "COUNTY_ADMIN", county);
        as(a).contentType(ContentType.JSON).body(Evaluations.JSON.readTree(demo("departments-999901.json").toFile()))
                .put("/api/v1/counties/" + county + "/departments").then().statusCode(200);
        // the demo's CSV (seed 002's layout, department names) imports as 16 items
        byte[] csv = Files.readAllBytes(demo("plan-items-999901.csv"));
        as(a).multiPart("file", "plan.csv", csv, "text/csv").post("/api/v1/counties/" + county + "/plan-items/import")
                .then().statusCode(200).body("size()", is(16))
                .body("[0].lead", is("DRC")).body("[0].cooperating", equalTo(List.of("EDU", "HUD", "FIN", "NR", "TOWNSHIP")))
                .body("[2].deadline", is("2027-08-31"));
        // exported as XLSX in the same layout, which imports back to the same items
        byte[] xlsx = as(a).get("/api/v1/counties/" + county + "/plan-items.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = book.getSheetAt(0).getRow(0);
            assertEquals("序号", header.getCell(0).getStringCellValue());
            assertEquals("牵头单位", header.getCell(3).getStringCellValue());
            assertEquals("发展和改革局", book.getSheetAt(0).getRow(1).getCell(3).getStringCellValue());
        }
        List<Object> before = as(a).get("/api/v1/counties/" + county + "/plan-items").then().extract().path("$");
        as(a).multiPart("file", "plan.xlsx", xlsx, "application/octet-stream")
                .post("/api/v1/counties/" + county + "/plan-items/import").then().statusCode(200);
        List<Object> after = as(a).get("/api/v1/counties/" + county + "/plan-items").then().extract().path("$");
        assertEquals(before, after);
        String exportedCsv = as(a).get("/api/v1/counties/" + county + "/plan-items.csv").then().statusCode(200).extract().asString();
        assertEquals(new String(csv, StandardCharsets.UTF_8).lines().toList(), exportedCsv.lines().toList());

        // bad rows are 400s naming row and field; nothing is replaced
        String bad = "序号,任务,牵头单位,配合单位,完成时限\n1,t,教育局,,2030-01-01\n2,t,不存在的局,,2030-01-01\n3,t,教育局,,2020-01-01\nx,t,教育局,,soon\n";
        as(a).multiPart("file", "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/counties/" + county + "/plan-items/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("rows[3].seq", "rows[3].deadline")));
        String bad2 = "序号,任务,牵头单位,配合单位,完成时限\n1,t,教育局,,2030-01-01\n2,t,不存在的局,,2030-01-01\n3,t,教育局,,2020-01-01\n";
        as(a).multiPart("file", "bad.csv", bad2.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/counties/" + county + "/plan-items/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("rows[1].lead", "rows[2].deadline")));
        as(a).get("/api/v1/counties/" + county + "/plan-items").then().body("size()", is(16));
        // JSON: a new item with a passed deadline is refused, an existing one keeps its own
        as(a).contentType(ContentType.JSON).body(List.of(Map.of("seq", 99, "text", "t", "lead", "EDU", "deadline", "2020-05-01")))
                .put("/api/v1/counties/" + county + "/plan-items").then().statusCode(400)
                .body("errors[0].field", is("[0].deadline"));
        // only administrators replace; a department reads
        as(Tokens.department("d", county, "EDU")).get("/api/v1/counties/" + county + "/plan-items").then().statusCode(200);
        as(Tokens.department("d", county, "EDU")).contentType(ContentType.JSON).body(List.of())
                .put("/api/v1/counties/" + county + "/plan-items").then().statusCode(403);
    }

    static Sheet first(byte[] xlsx) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
    }
}
