package io.fleetmesh.api.commands;

import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

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
                Position after = Position.decode(cursor);
                where.add(cb.or(cb.lessThan(root.get("createdAt"), after.createdAt()), cb.and(
                        cb.equal(root.get("createdAt"), after.createdAt()), cb.lessThan(root.get("id"), after.id()))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static <T> void add(List<Predicate> where, T value, java.util.function.Function<T, Predicate> predicate) {
        if (value != null) {
            where.add(predicate.apply(value));
        }
    }

    /** Where a page ended. */
    record Position(Instant createdAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cursor is not one this API gave out");
            }
        }
    }
}
