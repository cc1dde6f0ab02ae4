package io.balance.school.common;

/** One invalid field of a request, named by its JSON path (e.g. {@code teachers.PRIMARY.aboveRequiredDegree}). */
public record FieldError(String field, String message) {
}
