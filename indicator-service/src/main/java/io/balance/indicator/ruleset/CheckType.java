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
    PUPIL_TEACHER_RATIO
}
