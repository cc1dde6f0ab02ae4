package io.balance.supervision.review;

/** 评估认定 stages of a county's year (supervision.md §4): 县级自评 → 市级复核 → 省级评估 → 公示 → 认定. */
public enum ReviewStage {
    SELF_EVALUATION,
    CITY_REVIEW,
    PROVINCE_EVALUATION,
    PUBLICATION,
    RECOGNISED,
    NOT_RECOGNISED;

    public boolean ended() {
        return this == RECOGNISED || this == NOT_RECOGNISED;
    }
}
