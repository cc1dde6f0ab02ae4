package io.balance.kit.problem;

/** One invalid input: {@code field} is its JSON path ({@code teachers.PRIMARY.fullTime}, {@code rows[3].code}). */
public record FieldError(String field, String message) {
}
