package io.fleetmesh.api.devices;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * The list filters and order (by id, or by name then id). Pages are keyset pages on the order: a device created or
 * deleted between two requests never shifts the rest, so a client walking the pages sees every device that existed
 * throughout exactly once.
 */
record DeviceFilter(String kind, String tag, String q, String cursor, boolean byName) {

    Sort sort() {
        return byName ? Sort.by("name", "id") : Sort.by("id");
    }

    Specification<Device> specification(UUID tenantId) {
        Specification<Device> spec = (root, query, cb) -> cb.equal(root.get("tenantId"), tenantId);
        if (kind != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("kind"), kind));
        }
        if (tag != null) {
            spec = spec.and((root, query, cb) ->
                    ((HibernateCriteriaBuilder) cb).arrayContains(root.get("tags"), tag));
        }
        if (q != null) {
            String like = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), like, '\\'));
        }
        return cursor == null || cursor.isEmpty() ? spec : spec.and(after());
    }

    /** After the cursor's device: a greater id, or (by name) a greater name, or the same name and a greater id. */
    private Specification<Device> after() {
        String[] position = cursor.split("\\.", -1);
        if (position.length != (byName ? 2 : 1)) {
            throw new InvalidCursorException();
        }
        String id = decode(position[position.length - 1]);
        if (!byName) {
            return (root, query, cb) -> cb.greaterThan(root.get("id"), id);
        }
        String name = decode(position[0]);
        return (root, query, cb) -> cb.or(cb.greaterThan(root.get("name"), name),
                cb.and(cb.equal(root.get("name"), name), cb.greaterThan(root.get("id"), id)));
    }

    String cursorAfter(DeviceView last) {
        return byName ? encode(last.name()) + "." + encode(last.id()) : encode(last.id());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        try {
            return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }
}
