package io.fleetmesh.api.commands;

import jakarta.persistence.criteria.Predicate;
import io.fleetmesh.api.web.KeysetCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * The list filters (all optional) and the keyset cursor: newest first by (createdAt, id), so a page stays stable
 * while commands are created.
 */
record CommandFilter(UUID tenantId, String device, CommandState state, String type, UUID fanout, Instant from,
                     Instant to, String cursor) {

    Specification<Command> specification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>(List.of(cb.equal(root.get("tenantId"), tenantId)));
            add(where, device, value -> cb.equal(root.get("deviceId"), value));
            add(where, state, value -> cb.equal(root.get("state"), value));
            add(where, type, value -> cb.equal(root.get("type"), value));
            add(where, fanout, value -> cb.equal(root.get("fanoutId"), value));
            add(where, from, value -> cb.greaterThanOrEqualTo(root.get("createdAt"), value));
            add(where, to, value -> cb.lessThan(root.get("createdAt"), value));
            if (cursor != null) {
                where.add(KeysetCursor.decode(cursor).after(cb, root.get("createdAt"), root.get("id")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static <T> void add(List<Predicate> where, T value, java.util.function.Function<T, Predicate> predicate) {
        if (value != null) {
            where.add(predicate.apply(value));
        }
    }
}
