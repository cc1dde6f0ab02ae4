package io.balance.indicator.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline of an evaluation: stored per year for trends and listed by roll-ups. */
public final class Summary {
    private Summary() {
    }

    public static Map<String, Object> of(Evaluation e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("countyCode", e.countyCode());
        s.put("countyName", e.countyName());
        s.put("year", e.year());
        s.put("ruleSet", e.ruleSet());
        s.put("ruleSetVersion", e.ruleSetVersion());
        s.put("verdict", e.verdict());
        s.put("basedOnReports", e.basedOnReports());
        s.put("failingParts", e.failingParts());
        s.put("missingInputCount", e.missingInputs().size());
        List<String> missing = e.missingInputs();
        s.put("missingInputs", missing.size() > 20 ? missing.subList(0, 20) : missing);
        Map<String, Object> parts = new LinkedHashMap<>();
        e.parts().forEach((name, part) -> parts.put(name, part.status()));
        s.put("parts", parts);
        Evaluation.Part recognition = e.parts().get("recognition");
        s.put("recognitionRate", recognition == null ? null : recognition.rate());
        Map<String, Object> stages = new LinkedHashMap<>();
        e.stages().forEach((stage, st) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("includedSchools", st.includedSchools());
            m.put("compliantShare", st.figures().compliantShare());
            m.put("largeClassShare", st.figures().largeClassShare());
            m.put("superLargeClasses", st.figures().superLargeClasses());
            Map<String, Double> cvs = new LinkedHashMap<>();
            st.indicators().forEach((id, ind) -> cvs.put(id, ind.cv()));
            m.put("cv", cvs);
            Double max = null;
            String maxId = null;
            for (var c : cvs.entrySet()) {
                if (c.getValue() != null && (max == null || c.getValue() > max)) {
                    max = c.getValue();
                    maxId = c.getKey();
                }
            }
            m.put("maxCv", max);
            m.put("maxCvIndicator", maxId);
            if (st.composite() != null) {
                m.put("compositeCv", st.composite().cv());
            }
            stages.put(stage, m);
        });
        s.put("stages", stages);
        return s;
    }
}
