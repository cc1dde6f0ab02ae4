package io.balance.survey.response;

/** The four answers to every item. */
public enum Answer {
    RECOGNISE("认可"),
    MOSTLY("比较认可"),
    NOT("不认可"),
    UNKNOWN("不了解");

    public final String zh;

    Answer(String zh) {
        this.zh = zh;
    }

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
