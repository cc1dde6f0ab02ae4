package io.balance.school.common;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.Problem;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.problem.ProblemMappers;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Collects every field error of a request so that all of them are reported in one answer: the Bean Validation
 * annotations of the request records ({@link #validate}) and the cross-field rules of the validator classes alike.
 */
public final class Errors {
    /** Also used outside Quarkus (the import benchmark): a plain Hibernate Validator, no expression language. */
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final List<FieldError> list = new ArrayList<>();

    public static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : name.isEmpty() ? path : path + "." + name;
    }

    public void add(String field, String message) {
        list.add(new FieldError(field, message));
    }

    /**
     * Checks a bound request record against its annotations; each violation is recorded under its JSON path below
     * {@code path}, named as the kit names a violation at a resource ({@code teachers.PRIMARY.fullTime}).
     */
    public void validate(Object request, String path) {
        var violations = VALIDATOR.validate(request);
        if (violations.isEmpty()) {
            return;
        }
        Problem named = (Problem) new ProblemMappers().violations(new ConstraintViolationException(violations), null)
                .getEntity();
        named.errors().forEach(e -> add(child(path, e.field()), e.message()));
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
