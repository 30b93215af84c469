package io.fleetmesh.api.alerts;

import io.fleetmesh.api.web.KeysetCursor;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;

/** The alert list's filters (all optional), newest raised first, with its keyset cursor. */
record AlertFilter(UUID tenantId, String device, AlertState state, Severity severity, AlertSource source,
                   String rule, String cursor) {

    Specification<Alert> specification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>(List.of(cb.equal(root.get("tenantId"), tenantId)));
            add(where, device, value -> cb.equal(root.get("deviceId"), value));
            add(where, state, value -> cb.equal(root.get("state"), value));
            add(where, severity, value -> cb.equal(root.get("severity"), value));
            add(where, source, value -> cb.equal(root.get("source"), value));
            add(where, rule, value -> cb.equal(root.get("ruleId"), value));
            if (cursor != null) {
                where.add(KeysetCursor.decode(cursor).after(cb, root.get("lastRaisedAt"), root.get("id")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static <T> void add(List<Predicate> where, T value, Function<T, Predicate> predicate) {
        if (value != null) {
            where.add(predicate.apply(value));
        }
    }
}
