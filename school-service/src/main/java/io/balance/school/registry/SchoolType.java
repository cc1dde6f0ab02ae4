package io.balance.school.registry;

import java.util.EnumSet;
import java.util.Set;

/** 办学类型, with the stages each type teaches (evaluation-standards.md §1). */
public enum SchoolType {
    PRIMARY("小学", EnumSet.of(Stage.PRIMARY)),
    JUNIOR("初中", EnumSet.of(Stage.JUNIOR)),
    NINE_YEAR("九年一贯制学校", EnumSet.of(Stage.PRIMARY, Stage.JUNIOR)),
    TWELVE_YEAR("十二年一贯制学校", EnumSet.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR)),
    COMPLETE_MIDDLE("完全中学", EnumSet.of(Stage.JUNIOR, Stage.SENIOR)),
    SPECIAL_EDUCATION("特殊教育学校", EnumSet.of(Stage.PRIMARY, Stage.JUNIOR)),
    TEACHING_POINT("教学点", EnumSet.of(Stage.PRIMARY));

    public final String label;
    private final Set<Stage> stages;

    SchoolType(String label, Set<Stage> stages) {
        this.label = label;
        this.stages = stages;
    }

    public Set<Stage> stages() {
        return EnumSet.copyOf(stages);
    }

    public boolean has(Stage stage) {
        return stages.contains(stage);
    }

    /** By code or by Chinese label (also without the 学校 suffix), as typed in a spreadsheet. */
    public static SchoolType parse(String value) {
        String v = value.strip();
        for (SchoolType t : values()) {
            if (t.name().equalsIgnoreCase(v) || t.label.equals(v) || t.label.replace("学校", "").equals(v)) {
                return t;
            }
        }
        return null;
    }
}
