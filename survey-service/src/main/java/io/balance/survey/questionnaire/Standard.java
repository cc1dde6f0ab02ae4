package io.balance.survey.questionnaire;

import io.balance.survey.response.Answer;

/**
 * Which standard a campaign serves: the two ask different things (evaluation-standards.md §2.4 and §3), so each
 * has its own questionnaire set and answer labels. The answer values in the API stay the same four.
 */
public enum Standard {
    /** 基本均衡 (BASIC_2012): 满意度, "are you satisfied". */
    BASIC("基本均衡", "满意度调查", "questionnaires/basic-zh.json", "满意", "比较满意", "不满意", "不了解"),
    /** 优质均衡 (QUALITY_2017): 社会认可度, "do you recognise". */
    QUALITY("优质均衡", "社会认可度调查", "questionnaires/quality-zh.json", "认可", "比较认可", "不认可", "不了解");

    public final String zh;
    public final String surveyTitle;
    public final String defaults;
    private final String[] labels;

    Standard(String zh, String surveyTitle, String defaults, String... labels) {
        this.zh = zh;
        this.surveyTitle = surveyTitle;
        this.defaults = defaults;
        this.labels = labels;
    }

    /** The Chinese label of an answer under this standard (满意 / 认可 ...). */
    public String label(Answer answer) {
        return labels[answer.ordinal()];
    }

    public static Standard parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
