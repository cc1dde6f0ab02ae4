package io.balance.survey.questionnaire;

/** The three questionnaires (问卷). */
public enum Form {
    PUBLIC("社会卷", "家长、人大代表、政协委员和社会人士"),
    STAFF("校长教师卷", "校长和教师"),
    STUDENT("学生卷", "三年级及以上学生");

    public final String title;
    public final String audience;

    Form(String title, String audience) {
        this.title = title;
        this.audience = audience;
    }

    public static Form parse(String value) {
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
