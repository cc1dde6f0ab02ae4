package io.balance.survey.questionnaire;

/** One questionnaire item, answered 认可 / 比较认可 / 不认可 / 不了解. */
public record Item(String id, String text) {
}
