package io.balance.survey.campaign;

import io.balance.survey.questionnaire.Form;

/** Respondent groups (调查对象) and the questionnaire each answers. */
public enum Group {
    STUDENT(Form.STUDENT, true, "学生"), // 学生（三年级及以上）
    PARENT(Form.PUBLIC, true, "家长"), // 家长
    TEACHER(Form.STAFF, true, "教师"), // 教师
    PRINCIPAL(Form.STAFF, true, "校长"), // 校长
    NPC_DEPUTY(Form.PUBLIC, false, "人大代表"), // 人大代表
    CPPCC_MEMBER(Form.PUBLIC, false, "政协委员"), // 政协委员
    PUBLIC(Form.PUBLIC, false, "社会人士"); // 其他社会人士

    public final Form form;
    /** Invited through a school (and so counted in the urban / town / rural split) rather than county-wide. */
    public final boolean schoolBound;

    public final String zh;

    Group(Form form, boolean schoolBound, String zh) {
        this.form = form;
        this.schoolBound = schoolBound;
        this.zh = zh;
    }

    public static Group parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
