package io.balance.school.common;

import io.balance.kit.problem.FieldError;

import io.balance.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request so that all of them are reported in one answer. */
public final class Errors {
    private final List<FieldError> list = new ArrayList<>();

    public void add(String field, String message) {
        list.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<FieldError> list() {
        return list;
    }

    /** Whether an error was recorded for {@code field} or anything below it. */
    public boolean has(String field) {
        for (FieldError e : list) {
            if (e.field().equals(field) || e.field().startsWith(field + ".") || e.field().startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw ProblemException.validation(list);
        }
    }
}
