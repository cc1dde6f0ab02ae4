package io.balance.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The benchmark's real payload: a county evaluation with the shape and size of the demo county's answer
 * (伊水县 999901, 2025: two stages, seven indicators with their CVs, the school-stages of 40 schools with their values,
 * by location, parts, verdict), about 30 KB of JSON. Deterministic figures; only the size and shape matter here.
 */
final class BenchEvaluation {
    static final String[] INDICATORS = {"R1", "R2", "R3", "R4", "R5", "R6", "R7"};
    static final JsonObject JSON = build();

    private BenchEvaluation() {
    }

    private static JsonObject build() {
        JsonObject stages = new JsonObject();
        int[] schoolsPerStage = {26, 14};
        String[] stageNames = {"PRIMARY", "JUNIOR"};
        for (int s = 0; s < 2; s++) {
            JsonObject indicators = new JsonObject();
            for (int i = 0; i < INDICATORS.length; i++) {
                indicators.put(INDICATORS[i], new JsonObject()
                        .put("name", "indicator " + INDICATORS[i]).put("unit", i < 3 || i == 6 ? "per 100 pupils" : "m²/pupil")
                        .put("standard", 4.2 + i).put("countyValue", round(4.9 + i * 0.731))
                        .put("cv", round(0.31 + i * 0.017)).put("cvLimit", s == 0 ? 0.5 : 0.45)
                        .put("pass", i != 4).put("schoolsBelowStandard", i % 3)
                        .put("gap", i == 4 ? new JsonObject().put("target", 0.45).put("contributors", new JsonArray()
                                .add(new JsonObject().put("schoolCode", "9999010017").put("share", 0.213))
                                .add(new JsonObject().put("schoolCode", "9999010023").put("share", 0.174))) : null));
            }
            JsonArray schools = new JsonArray();
            for (int k = 0; k < schoolsPerStage[s]; k++) {
                JsonObject values = new JsonObject();
                for (int i = 0; i < INDICATORS.length; i++) {
                    values.put(INDICATORS[i], new JsonObject().put("value", round(3.1 + ((k * 7 + i * 13) % 29) * 0.173))
                            .put("meets", (k + i) % 5 != 0).put("meetsFloor", (k + i) % 11 != 0));
                }
                schools.add(new JsonObject()
                        .put("schoolCode", String.format(Locale.ROOT, "99990100%02d", k + s * 26 + 1))
                        .put("schoolName", "伊水县第" + (k + 1) + (s == 0 ? "小学" : "中学"))
                        .put("location", k % 3 == 0 ? "URBAN" : k % 3 == 1 ? "TOWN" : "RURAL")
                        .put("students", 380 + k * 37).put("classes", 9 + k % 12).put("largeClasses", k % 4 == 0 ? 1 : 0)
                        .put("indicators", values).put("meetsCount", 5 + k % 3).put("complies", k % 3 == 0));
            }
            JsonObject byLocation = new JsonObject();
            for (String location : new String[] {"URBAN", "TOWN", "RURAL"}) {
                JsonObject cv = new JsonObject();
                for (int i = 0; i < INDICATORS.length; i++) {
                    cv.put(INDICATORS[i], round(0.2 + i * 0.031));
                }
                byLocation.put(location, new JsonObject().put("includedSchools", schoolsPerStage[s] / 3).put("cv", cv)
                        .put("figures", new JsonObject().put("classes", 120).put("largeClasses", 3).put("compliant", 4)));
            }
            stages.put(stageNames[s], new JsonObject().put("includedSchools", schoolsPerStage[s]).put("excludedSchools", 0)
                    .put("indicators", indicators).put("composite", null)
                    .put("figures", new JsonObject().put("classes", 300 + s).put("largeClasses", 7).put("compliant", 11))
                    .put("schools", schools).put("byLocation", byLocation));
        }
        JsonObject parts = new JsonObject();
        for (String part : new String[] {"RESOURCES", "ASSURANCE", "QUALITY", "RECOGNITION", "VETOES"}) {
            parts.put(part, new JsonObject().put("verdict", part.equals("RESOURCES") ? "FAIL" : "PASS")
                    .put("checks", new JsonArray().add(new JsonObject().put("id", part + "-1").put("pass", true)
                            .put("value", 0.92).put("threshold", 0.85).put("note", "见评估标准第" + part.length() + "条"))));
        }
        return new JsonObject().put("countyCode", "999901").put("countyName", "伊水县").put("year", 2025)
                .put("ruleSet", "QUALITY_2017").put("ruleSetVersion", 1).put("basedOnReports", 40)
                .put("stages", stages)
                .put("compliance", new JsonObject().put("schools", 40).put("compliantSchools", 14).put("schoolShare", 0.35))
                .put("parts", parts).put("verdict", "FAIL")
                .put("failingParts", new JsonArray().add("RESOURCES")).put("missingInputs", new JsonArray());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
