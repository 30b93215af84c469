package io.fleetmesh.api.webhooks;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Webhooks (ADMIN): {@code POST} answers the signing secret once; {@code GET .../{id}/deliveries} is the delivery
 * log, newest first.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final CurrentTenant tenant;
    private final WebhookProperties properties;

    WebhookController(JdbcTemplate jdbc, CurrentTenant tenant, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<WebhookView> create(@Valid @RequestBody NewWebhook request) {
        Caller caller = tenant.caller();
        requirePublic(URI.create(request.url()));
        UUID id = UUID.randomUUID();
        String secret = "whsec_" + secret();
        jdbc.update("INSERT INTO webhooks (id, tenant_id, url, secret, events, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                id, caller.tenantId(), request.url(), secret, request.events().toArray(String[]::new), caller.name());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + id))
                .body(new WebhookView(id, request.url(), request.events(), caller.name(), Instant.now(), secret));
    }

    @GetMapping
    List<WebhookView> list() {
        return jdbc.query("SELECT id, url, events, created_by, created_at FROM webhooks WHERE tenant_id = ?"
                + " ORDER BY created_at", WebhookController::view, tenant.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (jdbc.update("DELETE FROM webhooks WHERE id = ? AND tenant_id = ?", id, tenant.id()) == 0) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID id) {
        if (jdbc.queryForObject("SELECT count(*) FROM webhooks WHERE id = ? AND tenant_id = ?", Integer.class, id,
                tenant.id()) == 0) {
            throw notFound();
        }
        return jdbc.query("SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id DESC LIMIT 200",
                (rs, n) -> new DeliveryView(rs.getLong("id"), rs.getString("kind"), rs.getString("state"),
                        rs.getInt("attempts"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("next_attempt_at")),
                        instant(rs.getTimestamp("delivered_at"))), id);
    }

    /** Unless allowed, a webhook may not point into the installation's own network. */
    private void requirePublic(URI url) {
        String refusal = properties.allowPrivate() ? null : PublicAddresses.refusal(url);
        if (refusal != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refusal);
        }
    }

    private static WebhookView view(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new WebhookView(rs.getObject("id", UUID.class), rs.getString("url"), List.of((String[]) events.getArray()),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no webhook with this id.");
    }
}
