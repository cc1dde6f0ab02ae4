package io.balance.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.evaluation.CountyInputs;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetDerivation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test data: the rule sets exactly as Flyway seeds them, and a small report builder. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Map<String, RuleSet> SEEDED = new HashMap<>();
    private static final Map<String, RuleSet> V2_COPIES = new HashMap<>();
    private static final RuleSet[] JIANGXI_V1 = new RuleSet[1];
    private static final RuleSet[] BASIC_V2 = new RuleSet[1];

    private Fixtures() {
    }

    /**
     * A rule set as Flyway seeds it, so the tests check the data the service runs on: the documents of
     * V2__seed_rule_sets.sql, with JIANGXI_QUALITY_2017 (version 2) derived from QUALITY_2017 by the patch of V2_2
     * and BASIC_2012 version 3 from its version 1 by the patches of V2_3 and V2_4.
     */
    public static synchronized RuleSet ruleSet(String code) {
        if (SEEDED.isEmpty()) {
            try {
                for (String doc : documents("V2__seed_rule_sets.sql")) {
                    RuleSet rs = JSON.readValue(doc, RuleSet.class);
                    SEEDED.put(rs.code(), rs);
                    V2_COPIES.put(rs.code(), rs);
                }
                JsonNode base = JSON.valueToTree(SEEDED.get("QUALITY_2017"));
                JsonNode v1 = JSON.readTree(documents("V2_1__jiangxi_rule_set_as_patch.sql").get(0));
                JIANGXI_V1[0] = JSON.treeToValue(RuleSetDerivation.derive(base, v1, "JIANGXI_QUALITY_2017", 1, null,
                        "QUALITY_2017", "360000"), RuleSet.class);
                JsonNode basic = JSON.readTree(documents("V2_3__basic_per_school_threshold.sql").get(0));
                RuleSet basicV2 = JSON.treeToValue(RuleSetDerivation.derive(JSON.valueToTree(SEEDED.get("BASIC_2012")),
                        basic, "BASIC_2012", 2, null, null, null), RuleSet.class);
                BASIC_V2[0] = basicV2;
                JsonNode growths = JSON.readTree(documents("V2_4__basic_three_growths_from_funding.sql").get(0));
                SEEDED.put("BASIC_2012", JSON.treeToValue(RuleSetDerivation.derive(JSON.valueToTree(basicV2),
                        growths, "BASIC_2012", 3, null, null, null), RuleSet.class));
                JsonNode v2 = JSON.readTree(documents("V2_2__jiangxi_a_b_scoring.sql").get(0));
                SEEDED.put("JIANGXI_QUALITY_2017", JSON.treeToValue(RuleSetDerivation.derive(base, v2,
                        "JIANGXI_QUALITY_2017", 2, null, "QUALITY_2017", "360000"), RuleSet.class));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return SEEDED.get(code);
    }

    /** BASIC_2012 version 2 (the three growths still a declared veto), derived by the patch of V2_3. */
    public static RuleSet basicV2() {
        ruleSet("BASIC_2012");
        return BASIC_V2[0];
    }

    /** JIANGXI_QUALITY_2017 version 1 (R2 and JX1 only), derived by the patch of V2_1. */
    public static RuleSet jiangxiV1() {
        ruleSet("QUALITY_2017");
        return JIANGXI_V1[0];
    }

    /** A document exactly as V2__seed_rule_sets.sql holds it (JIANGXI_QUALITY_2017 was a full copy there). */
    public static RuleSet v2Copy(String code) {
        ruleSet(code);
        return V2_COPIES.get(code);
    }

    private static List<String> documents(String migration) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/db/migration/" + migration)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\\$json\\$(.*?)\\$json\\$", Pattern.DOTALL).matcher(sql);
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
    }

    public static SchoolV1 school(String code, String county, String type) {
        return new SchoolV1(code, "学校" + code, county, type, "URBAN", true, false);
    }

    /** Builds a report; unspecified figures are 0 / empty. */
    public static final class Report {
        final Map<String, Integer> students = new HashMap<>();
        final Map<String, List<Integer>> classSizes = new HashMap<>();
        final Map<String, AnnualReportV1.Teachers> teachers = new HashMap<>();
        double area;
        double sports;
        double equipment;
        int multimedia;
        int computers;
        int books;
        List<Double> music = new ArrayList<>();
        List<Double> art = new ArrayList<>();
        AnnualReportV1.Funding funding;
        List<AnnualReportV1.SpecialRoom> specialRooms;
        Integer boarders;

        public static Report of() {
            return new Report();
        }

        public Report students(String stage, int n) {
            students.put(stage, n);
            return this;
        }

        public Report classes(String stage, Integer... sizes) {
            classSizes.put(stage, List.of(sizes));
            return this;
        }

        /** fullTime, aboveRequiredDegree, backboneCounty, backboneCity, peArtMusic, intermediateTitle; certified and trained = fullTime. */
        public Report teachers(String stage, int fullTime, int degree, int backboneCounty, int backboneCity, int peArt, int title) {
            teachers.put(stage, new AnnualReportV1.Teachers(fullTime, degree, backboneCounty, backboneCity, peArt, title,
                    fullTime, fullTime, 10, 1, 1));
            return this;
        }

        public Report teachers(String stage, AnnualReportV1.Teachers t) {
            teachers.put(stage, t);
            return this;
        }

        public Report facilities(double area, double sports, double equipment, int multimedia, int computers, int books) {
            this.area = area;
            this.sports = sports;
            this.equipment = equipment;
            this.multimedia = multimedia;
            this.computers = computers;
            this.books = books;
            return this;
        }

        public Report rooms(List<Double> music, List<Double> art) {
            this.music = music;
            this.art = art;
            return this;
        }

        public Report boarders(int n) {
            this.boarders = n;
            return this;
        }

        public Report specialRooms(AnnualReportV1.SpecialRoom... rooms) {
            this.specialRooms = List.of(rooms);
            return this;
        }

        public Report funding(double budget, double training) {
            this.funding = new AnnualReportV1.Funding(budget, training);
            return this;
        }

        public AnnualReportV1 build() {
            return new AnnualReportV1(students, classSizes, teachers,
                    new AnnualReportV1.Facilities(area, sports, equipment, multimedia, computers, books, music, art,
                            specialRooms),
                    funding, boarders);
        }

        public CountyInputs.ApprovedReport approved(SchoolV1 school) {
            return new CountyInputs.ApprovedReport(school, build(), 1);
        }
    }
}
