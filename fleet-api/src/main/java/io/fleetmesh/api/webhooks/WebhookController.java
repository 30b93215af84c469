package io.fleetmesh.api.webhooks;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks (ADMIN): {@code POST} answers the signing secret once; {@code GET .../{id}/deliveries} is the delivery
 * log, newest first.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final CurrentTenant tenant;

    WebhookController(Webhooks webhooks, CurrentTenant tenant) {
        this.webhooks = webhooks;
        this.tenant = tenant;
    }

    @PostMapping
    ResponseEntity<WebhookView> create(@Valid @RequestBody NewWebhook request) {
        WebhookView created = webhooks.register(tenant.caller(), request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    List<WebhookView> list() {
        return webhooks.list(tenant.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID id) {
        return webhooks.deliveries(tenant.id(), id);
    }
}
