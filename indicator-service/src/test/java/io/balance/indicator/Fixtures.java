package io.balance.indicator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.contracts.AnnualReportV1;
import io.balance.contracts.SchoolV1;
import io.balance.indicator.evaluation.CountyInputs;
import io.balance.indicator.ruleset.RuleSet;
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

    private Fixtures() {
    }

    /** A rule set parsed from V2__seed_rule_sets.sql, so the tests check the data the service runs on. */
    public static synchronized RuleSet ruleSet(String code) {
        if (SEEDED.isEmpty()) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/db/migration/V2__seed_rule_sets.sql")) {
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\$json\\$(.*?)\\$json\\$", Pattern.DOTALL).matcher(sql);
                while (m.find()) {
                    RuleSet rs = JSON.readValue(m.group(1), RuleSet.class);
                    SEEDED.put(rs.code(), rs);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return SEEDED.get(code);
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

        public Report funding(double budget, double training) {
            this.funding = new AnnualReportV1.Funding(budget, training);
            return this;
        }

        public AnnualReportV1 build() {
            return new AnnualReportV1(students, classSizes, teachers,
                    new AnnualReportV1.Facilities(area, sports, equipment, multimedia, computers, books, music, art),
                    funding);
        }

        public CountyInputs.ApprovedReport approved(SchoolV1 school) {
            return new CountyInputs.ApprovedReport(school, build(), 1);
        }
    }
}
