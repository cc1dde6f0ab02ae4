package io.balance.school.registry;

/** 学段. SENIOR (高中) is reported only so that shared facilities can be apportioned. */
public enum Stage {
    PRIMARY("小学"),
    JUNIOR("初中"),
    SENIOR("高中");

    public final String label;

    Stage(String label) {
        this.label = label;
    }

    public boolean compulsory() {
        return this != SENIOR;
    }
}
