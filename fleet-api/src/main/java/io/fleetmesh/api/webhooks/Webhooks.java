package io.fleetmesh.api.webhooks;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's webhooks: registered with a signing secret shown once, and each one's delivery log. */
@Component
class Webhooks {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;

    Webhooks(JdbcTemplate jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    WebhookView register(Caller caller, NewWebhook request) {
        requirePublic(URI.create(request.url()));
        UUID id = UUID.randomUUID();
        String secret = "whsec_" + secret();
        jdbc.update("INSERT INTO webhooks (id, tenant_id, url, secret, events, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                id, caller.tenantId(), request.url(), secret, request.events().toArray(String[]::new), caller.name());
        return new WebhookView(id, request.url(), request.events(), caller.name(), Instant.now(), secret);
    }

    List<WebhookView> list(UUID tenantId) {
        return jdbc.query("SELECT id, url, events, created_by, created_at FROM webhooks WHERE tenant_id = ?"
                + " ORDER BY created_at", Webhooks::view, tenantId);
    }

    void delete(UUID tenantId, UUID id) {
        if (jdbc.update("DELETE FROM webhooks WHERE id = ? AND tenant_id = ?", id, tenantId) == 0) {
            throw notFound();
        }
    }

    /** The latest 200 deliveries, newest first. */
    List<DeliveryView> deliveries(UUID tenantId, UUID id) {
        if (jdbc.queryForObject("SELECT count(*) FROM webhooks WHERE id = ? AND tenant_id = ?", Integer.class, id,
                tenantId) == 0) {
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
            throw new InvalidInput(refusal);
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

    private static NotFound notFound() {
        return new NotFound("There is no webhook with this id.");
    }
}
