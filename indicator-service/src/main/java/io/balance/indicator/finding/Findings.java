package io.balance.indicator.finding;

import java.util.List;
import java.util.Map;

/**
 * County-level inputs for one year that school reports cannot give (PUT /api/v1/counties/{code}/findings/{year}):
 * yes/no findings with evidence, figures, the junior retention counts, national monitoring results per
 * subject, veto declarations and the evidence list they refer to. Keys are listed in {@link FindingCatalogue}.
 *
 * @param findings   finding key (G1, G2.construction, Q3 …) → whether it is met, with evidence ids
 * @param figures    figure name → value (rates as fractions 0–1, money in yuan)
 * @param retention  the counts of 初中三年巩固率
 * @param monitoring 国家义务教育质量监测, one entry per subject
 * @param vetoes     veto code → true when the veto applies (一票否决), false when declared not to
 * @param evidence   佐证材料 referred to by findings
 * @param schoolScores school code → its score on the province's basic school standard (BASIC_2012's threshold:
 *                   每所学校都要达85以上), 0–100; optional
 * @param funding    the year's education funding figures (三个增长, 两个只增不减); optional
 */
public record Findings(
        Map<String, Finding> findings,
        Map<String, Double> figures,
        Retention retention,
        List<Monitoring> monitoring,
        Map<String, Boolean> vetoes,
        List<Evidence> evidence,
        Map<String, Double> schoolScores,
        Funding funding) {

    /** Findings without funding figures. */
    public Findings(Map<String, Finding> findings, Map<String, Double> figures, Retention retention,
            List<Monitoring> monitoring, Map<String, Boolean> vetoes, List<Evidence> evidence,
            Map<String, Double> schoolScores) {
        this(findings, figures, retention, monitoring, vetoes, evidence, schoolScores, null);
    }

    /** Findings without school scores. */
    public Findings(Map<String, Finding> findings, Map<String, Double> figures, Retention retention,
            List<Monitoring> monitoring, Map<String, Boolean> vetoes, List<Evidence> evidence) {
        this(findings, figures, retention, monitoring, vetoes, evidence, null, null);
    }

    public record Finding(Boolean met, List<String> evidence, String note) {
    }

    /** (graduates − transfersIn + transfersOut) / (grade7Intake − deaths). */
    public record Retention(Integer grade7Intake, Integer deaths, Integer graduates, Integer transfersIn,
            Integer transfersOut) {
        public double rate() {
            return (double) (graduates - transfersIn + transfersOut) / (grade7Intake - deaths);
        }
    }

    /** @param level 1–4 (Ⅰ–Ⅳ); @param differenceRate 校际差异率 */
    public record Monitoring(String subject, Integer level, Double differenceRate) {
    }

    public record Evidence(String id, String title, String uri) {
    }

    public Finding finding(String key) {
        return findings == null ? null : findings.get(key);
    }

    public Double figure(String name) {
        return figures == null ? null : figures.get(name);
    }

    public Boolean veto(String code) {
        return vetoes == null ? null : vetoes.get(code);
    }
}
