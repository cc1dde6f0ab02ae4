package io.balance.supervision.problem;

import io.balance.contracts.EvaluationChangedV1;
import io.balance.contracts.EvaluationDetailsV1;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failing item of one evaluation (pure), and for an item of an earlier evaluation whether this one shows
 * it passing. Items: a school-stage below the school rule (one per indicator below standard, with the gap;
 * special-education schools have their own standards and get none), a CV over its limit (with the remedy), a
 * failing composite CV, a failing assurance or quality check (per school where it names schools), recognition
 * below its minimum, a veto that applies, and every missing input.
 */
public final class LedgerItems {
    private static final String SPECIAL_EDUCATION = "SPECIAL_EDUCATION";

    /** How an earlier item stands in this evaluation. */
    public enum State { FAILING, PASSING, NOT_ASSESSED }

    private final EvaluationChangedV1 event;
    private final Map<String, LedgerItem> failing = new LinkedHashMap<>();
    private final Map<String, EvaluationDetailsV1.SchoolStage> schoolStages = new HashMap<>();
    private final Map<String, EvaluationDetailsV1.Indicator> indicators = new HashMap<>();
    private final Map<String, EvaluationDetailsV1.Stage> stages = new HashMap<>();
    private final Map<String, EvaluationDetailsV1.Check> checks = new HashMap<>();

    private LedgerItems(EvaluationChangedV1 event) {
        this.event = event;
    }

    public static LedgerItems of(EvaluationChangedV1 event) {
        LedgerItems items = new LedgerItems(event);
        items.collect();
        return items;
    }

    public Map<String, LedgerItem> failing() {
        return failing;
    }

    private String prefix() {
        return event.year() + "/" + event.ruleSet() + "/";
    }

    private void collect() {
        EvaluationDetailsV1 d = event.details();
        if (d != null) {
            for (EvaluationDetailsV1.Stage stage : d.stages()) {
                stages.put(stage.stage(), stage);
                Map<String, EvaluationDetailsV1.Indicator> byId = new HashMap<>();
                for (EvaluationDetailsV1.Indicator ind : stage.indicators()) {
                    byId.put(ind.id(), ind);
                    indicators.put(stage.stage() + "/" + ind.id(), ind);
                    if (Boolean.FALSE.equals(ind.pass())) {
                        add(new LedgerItem(prefix() + "cv/" + stage.stage() + "/" + ind.id(), null, null, stage.stage(),
                                ind.id(), Labels.stage(stage.stage()) + " " + ind.name() + " 差异系数 " + ind.cv()
                                        + " 超过 " + ind.cvLimit(),
                                ind.remedy(), ind.remedyTotal() == null ? null : gap(ind.unit(), ind.remedyTotal())));
                    }
                }
                if (Boolean.FALSE.equals(stage.compositePass())) {
                    add(new LedgerItem(prefix() + "composite/" + stage.stage(), null, null, stage.stage(), "composite",
                            Labels.stage(stage.stage()) + " 综合差异系数 " + stage.compositeCv() + " 未达要求", null, null));
                }
                for (EvaluationDetailsV1.SchoolStage s : stage.schools()) {
                    schoolStages.put(s.schoolCode() + "/" + stage.stage(), s);
                    if (!Boolean.FALSE.equals(s.complies()) || SPECIAL_EDUCATION.equals(s.schoolType())) {
                        continue;
                    }
                    s.gaps().forEach((id, amount) -> {
                        EvaluationDetailsV1.Indicator ind = byId.get(id);
                        String unit = ind == null ? null : ind.unit();
                        add(new LedgerItem(prefix() + "school/" + s.schoolCode() + "/" + stage.stage() + "/" + id,
                                s.schoolCode(), s.schoolName(), stage.stage(), id,
                                s.schoolName() + " " + Labels.stage(stage.stage()) + " " + (ind == null ? id : ind.name())
                                        + " 未达标，差 " + Labels.amount(amount) + " " + Labels.unit(unit),
                                null, gap(unit, amount)));
                    });
                }
            }
            for (EvaluationDetailsV1.Check c : d.checks()) {
                checks.put(c.part() + "/" + c.id(), c);
                if (!"FAIL".equals(c.status())) {
                    continue;
                }
                switch (c.part()) {
                    case "recognition" -> add(new LedgerItem(prefix() + "recognition", null, null, null, c.id(),
                            "社会认可度 " + d.recognitionRate() + " 未达要求", c.detail(), null));
                    case "vetoes" -> add(new LedgerItem(prefix() + "veto/" + c.id(), null, null, null, c.id(),
                            "一票否决事项：" + c.id(), c.detail(), null));
                    default -> {
                        if (c.schools().isEmpty()) {
                            add(new LedgerItem(prefix() + "check/" + c.id(), null, null, null, c.id(),
                                    c.id() + " " + c.name() + " 未达标", c.detail(), null));
                        }
                        for (EvaluationDetailsV1.SchoolIssue s : c.schools()) {
                            add(new LedgerItem(prefix() + "check/" + c.id() + "/school/" + s.schoolCode(), s.schoolCode(),
                                    s.schoolName(), null, c.id(), s.schoolName() + " " + c.id() + " " + c.name() + " 未达标",
                                    s.detail(), needGap(s.needs())));
                        }
                    }
                }
            }
        }
        for (String input : event.missingInputs()) {
            String school = schoolOf(input);
            add(new LedgerItem(prefix() + "missing/" + input, school, null, null, input, "缺少评估所需数据：" + input,
                    null, null));
        }
    }

    /**
     * The school a missing input names: {@code reports.4103290001} or {@code reports.4103290001.funding…} (the school's
     * code, then the field of its report that is missing); null for a county-level input.
     */
    static String schoolOf(String input) {
        if (!input.startsWith("reports.")) {
            return null;
        }
        String rest = input.substring("reports.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private void add(LedgerItem item) {
        failing.put(item.key(), item);
    }

    /** How the item with {@code key} (of this county, year and rule set) stands in this evaluation. */
    public State stateOf(String key) {
        if (failing.containsKey(key)) {
            return State.FAILING;
        }
        if (!key.startsWith(prefix())) {
            return State.NOT_ASSESSED;
        }
        String[] p = key.substring(prefix().length()).split("/", -1);
        String kind = p[0];
        if (kind.equals("missing")) {
            return State.PASSING; // no longer missing
        }
        if (event.details() == null) {
            return State.NOT_ASSESSED;
        }
        return switch (kind) {
            case "school" -> p.length == 4 && schoolStages.containsKey(p[1] + "/" + p[2]) ? State.PASSING : State.NOT_ASSESSED;
            case "cv" -> {
                EvaluationDetailsV1.Indicator ind = p.length == 3 ? indicators.get(p[1] + "/" + p[2]) : null;
                yield ind != null && Boolean.TRUE.equals(ind.pass()) ? State.PASSING : State.NOT_ASSESSED;
            }
            case "composite" -> p.length == 2 && stages.containsKey(p[1])
                    && Boolean.TRUE.equals(stages.get(p[1]).compositePass()) ? State.PASSING : State.NOT_ASSESSED;
            case "recognition" -> checkState("recognition/RECOGNITION", false);
            case "veto" -> {
                EvaluationDetailsV1.Check c = checks.get("vetoes/" + p[1]);
                yield c == null ? State.PASSING : State.NOT_ASSESSED; // listed only when it applies or is undeclared
            }
            case "check" -> checkState(checkKey(p[1]), p.length == 4);
            default -> State.NOT_ASSESSED;
        };
    }

    private String checkKey(String id) {
        for (var e : checks.entrySet()) {
            if (e.getValue().id().equals(id) && !e.getValue().part().equals("vetoes")) {
                return e.getKey();
            }
        }
        return "";
    }

    /** A passing check passes every school; a failing one passes the schools it no longer names. */
    private State checkState(String checkKey, boolean perSchool) {
        EvaluationDetailsV1.Check c = checks.get(checkKey);
        if (c == null) {
            return State.NOT_ASSESSED;
        }
        if ("PASS".equals(c.status())) {
            return State.PASSING;
        }
        return perSchool && "FAIL".equals(c.status()) ? State.PASSING : State.NOT_ASSESSED;
    }

    static Gap gap(String unit, double amount) {
        return new Gap(unit, io.balance.supervision.common.Decimals.plain(BigDecimal.valueOf(amount).setScale(4, RoundingMode.HALF_UP)));
    }

    /** The first of a check's needs as the gap ({@code musicRooms} → rooms, {@code PRIMARY.teachers} → teachers). */
    static Gap needGap(Map<String, Double> needs) {
        if (needs == null || needs.isEmpty()) {
            return null;
        }
        var first = needs.entrySet().iterator().next();
        return gap(Labels.needUnit(first.getKey()), first.getValue());
    }

    /** Keys of the items this evaluation shows failing, for the ones a caller holds. */
    public List<String> keys() {
        return List.copyOf(failing.keySet());
    }
}
