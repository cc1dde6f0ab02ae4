package io.balance.survey.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so one 400 names every invalid field at once. */
public final class Validation {
    private final List<ApiException.FieldError> errors = new ArrayList<>();

    public Validation add(String field, String message) {
        errors.add(new ApiException.FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid input",
                    errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors, null);
        }
    }
}
