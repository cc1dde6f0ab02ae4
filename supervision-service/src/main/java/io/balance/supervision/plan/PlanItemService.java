package io.balance.supervision.plan;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.Today;
import io.balance.supervision.department.DepartmentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces a county's plan items as a whole (JSON, XLSX or CSV), checked item by item before anything is
 * stored: departments from the catalogue, unique numbers, and no deadline in the past for an item that is new
 * or whose deadline changes (an existing item keeps its passed deadline).
 */
@ApplicationScoped
public class PlanItemService {
    @Inject
    PlanItemRepository repository;
    @Inject
    DepartmentService departments;
    @Inject
    Today today;

    public List<PlanItem> list(String county) throws SQLException {
        return repository.list(county);
    }

    @Transactional
    public List<PlanItem> replace(String county, List<PlanItem> items, String prefix) throws SQLException {
        Map<Integer, PlanItem> existing = new HashMap<>();
        for (PlanItem i : repository.list(county)) {
            existing.put(i.seq(), i);
        }
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> seqs = new HashSet<>();
        for (int n = 0; n < items.size(); n++) {
            PlanItem item = items.get(n);
            String at = prefix + "[" + n + "].";
            if (!seqs.add(item.seq())) {
                errors.add(new FieldError(at + "seq", "duplicate number " + item.seq()));
            }
            if (!departments.known(county, item.lead())) {
                errors.add(new FieldError(at + "lead", "unknown department " + item.lead() + " (not in the county's catalogue)"));
            }
            List<String> co = item.cooperatingOrEmpty();
            for (int k = 0; k < co.size(); k++) {
                if (!departments.known(county, co.get(k))) {
                    errors.add(new FieldError(at + "cooperating[" + k + "]", "unknown department " + co.get(k)));
                }
            }
            PlanItem before = existing.get(item.seq());
            boolean unchangedDeadline = before != null && Objects.equals(before.deadline(), item.deadline());
            if (item.deadline() != null && item.deadline().isBefore(today.date()) && !unchangedDeadline) {
                errors.add(new FieldError(at + "deadline", "must not be in the past for a new or changed item (today is "
                        + today.date() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        repository.replace(county, items);
        return repository.list(county);
    }
}
