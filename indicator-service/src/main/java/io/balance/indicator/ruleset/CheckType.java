package io.balance.indicator.ruleset;

/**
 * The evaluators a rule set's assurance or quality check can name: a closed set, so an unknown type is
 * refused when a rule set is read and every evaluator switch is checked by the compiler.
 */
public enum CheckType {
    /** findings that must be met, figures with minimums, figures compared with each other */
    INPUTS,
    /** G3: music and art rooms per 12 classes, each of a minimum area */
    MUSIC_ART_ROOMS,
    /** G4: students per school in the compulsory stages */
    SCHOOL_SIZE,
    /** G5: students per class */
    CLASS_SIZE,
    /** G6: village primary schools and teaching points under 100 students funded as 100 */
    SMALL_SCHOOL_FUNDING,
    /** G7: special-education schools' per-student public funds */
    SPECIAL_EDUCATION_FUNDING,
    /** G9, G12: a share of all full-time teachers */
    TEACHER_SHARE,
    /** G11: teacher rotation and its backbone share */
    ROTATION,
    /** Q1: junior three-year retention */
    RETENTION,
    /** Q4: teacher training funds as a share of each school's public funds */
    TRAINING_FUNDS,
    /** Q9: national quality monitoring */
    MONITORING,
    /** Jiangxi on-site form: students per full-time teacher */
    PUPIL_TEACHER_RATIO,
    /** Jiangxi basic school standard: the special-room categories each stage needs (7 primary, 9 junior) */
    SPECIAL_ROOMS,
    /** local (seed 001): public funds per pupil with a disability, 随班就读 and 送教上门 included */
    DISABLED_PUPIL_FUNDING,
    /** local (seed 001): boarding schools' public funds include a sum per boarder (200 yuan a year) */
    BOARDING_FUNDING,
    /** BASIC_2012 threshold: every school's score on the province's basic school standard (每所学校都要达85以上) */
    SCHOOL_SCORES,
    /** BASIC_2012 standard 1: the county government's work score, the sum of its four areas */
    GOVERNMENT_WORK_SCORE,
    /** 三个增长 (义务教育法 第四十二条) year against year, from the findings' funding figures; BASIC_2012's veto */
    THREE_GROWTHS,
    /** 两个只增不减: general-budget education expenditure, total and per student, year against year */
    TWO_NO_DECREASE
}
