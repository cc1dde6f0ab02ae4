package io.balance.supervision.common;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation run after the access checks (a caller who may not see the county learns nothing from a
 * 400): every violation becomes a field error named by its JSON path ({@code [2].code}, {@code targets[0].year}).
 */
@ApplicationScoped
public class Validation {
    @Inject
    Validator validator;

    public void check(String prefix, Object body) {
        if (body == null) {
            throw ProblemException.invalid(prefix.isEmpty() ? "body" : prefix, "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (body instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    errors.add(new FieldError(prefix + "[" + i + "]", "must not be null"));
                } else {
                    collect(prefix + "[" + i + "]", list.get(i), errors);
                }
            }
        } else {
            collect(prefix, body, errors);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.validation(errors);
        }
    }

    private void collect(String prefix, Object o, List<FieldError> errors) {
        for (ConstraintViolation<Object> v : validator.validate(o)) {
            String path = v.getPropertyPath().toString();
            String field = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
            errors.add(new FieldError(field, v.getMessage()));
        }
    }
}
