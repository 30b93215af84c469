package io.fleetmesh.api.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a page of a newest-first list ended, (time, id), as the opaque {@code cursor} the client passes back. A
 * cursor this API did not give out is a 400.
 */
public record KeysetCursor(Instant at, UUID id) {

    /** Rows after this cursor in a newest-first order by (time, id). */
    public Predicate after(CriteriaBuilder cb, Path<Instant> time, Path<UUID> id) {
        return cb.or(cb.lessThan(time, at), cb.and(cb.equal(time, at), cb.lessThan(id, this.id)));
    }

    /**
     * A page of at most {@code limit} from {@code found} (fetched with one row more than the limit, to know whether
     * there is a next page) and the cursor after its last row, null if it is the last page.
     */
    public static <T> Slice<T> slice(List<T> found, int limit, Function<T, KeysetCursor> position) {
        List<T> page = found.subList(0, Math.min(limit, found.size()));
        return new Slice<>(page, found.size() > limit ? position.apply(page.get(page.size() - 1)).encode() : null);
    }

    public record Slice<T>(List<T> items, String nextCursor) {
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static KeysetCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new KeysetCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cursor is not one this API gave out");
        }
    }
}
