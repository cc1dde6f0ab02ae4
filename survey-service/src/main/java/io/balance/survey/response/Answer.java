package io.balance.survey.response;

import io.balance.survey.questionnaire.Standard;

/**
 * The four answers to every item. Their Chinese words depend on the campaign's standard (认可 or 满意 …):
 * {@link Standard#label(Answer)}.
 */
public enum Answer {
    RECOGNISE,
    MOSTLY,
    NOT,
    UNKNOWN;

    /** The answer by its exact name; null for null or anything else (the caller names the field). */
    public static Answer parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
