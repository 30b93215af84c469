package io.fleetmesh.api.devices;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * The list filters. Pages are keyset pages on the id: a device created or deleted between two requests never
 * shifts the rest, so a client walking the pages sees every device that existed throughout exactly once.
 */
record DeviceFilter(String kind, String tag, String q, String cursor) {

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
        String after = afterId();
        if (after != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThan(root.get("id"), after));
        }
        return spec;
    }

    private String afterId() {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    static String cursorAfter(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }
}
