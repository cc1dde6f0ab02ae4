package io.balance.supervision.department;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.SupervisionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each county's catalogue of responsible departments: the usual ones until the county edits it
 * ({@code balance.supervision.departments.seed}), then its own list. A department still named by a problem or
 * a plan item cannot be removed (409 naming it).
 */
@ApplicationScoped
public class DepartmentService {
    @Inject
    DepartmentRepository repository;
    @Inject
    SupervisionConfig config;

    public List<Department> catalogue(String county) {
        List<Department> stored = repository.stored(county);
        return stored.isEmpty() ? seed() : stored;
    }

    public List<Department> seed() {
        List<Department> out = new ArrayList<>();
        for (String entry : config.departments().seed()) {
            int colon = entry.indexOf(':');
            out.add(new Department(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim()));
        }
        return out;
    }

    /** 400 naming the field unless {@code code} is in the county's catalogue. */
    public void requireKnown(String county, String field, String code) {
        if (code != null && catalogue(county).stream().noneMatch(d -> d.code().equals(code))) {
            throw ProblemException.invalid(field, "unknown department " + code + " (not in the county's catalogue)");
        }
    }

    public boolean known(String county, String code) {
        return catalogue(county).stream().anyMatch(d -> d.code().equals(code));
    }

    @Transactional
    public List<Department> replace(String county, List<Department> departments) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < departments.size(); i++) {
            if (!codes.add(departments.get(i).code())) {
                errors.add(new FieldError("[" + i + "].code", "duplicate code " + departments.get(i).code()));
            }
        }
        if (departments.isEmpty()) {
            errors.add(new FieldError("", "the catalogue needs at least one department"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Set<String> removed = new HashSet<>();
        catalogue(county).forEach(d -> removed.add(d.code()));
        removed.removeAll(codes);
        Map<String, Integer> uses = repository.uses(county, removed);
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("department-in-use", "still assigned, cannot be removed: " + uses);
        }
        repository.replace(county, departments);
        return departments;
    }
}
