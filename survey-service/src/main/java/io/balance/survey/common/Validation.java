package io.balance.survey.common;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors so one 400 names every invalid field at once. */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
