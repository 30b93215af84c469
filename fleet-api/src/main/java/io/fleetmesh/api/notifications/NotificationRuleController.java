package io.fleetmesh.api.notifications;

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

/** Notification rules: which events reach which operators, how, when and how often. */
@RestController
@RequestMapping("/api/v1/notification-rules")
class NotificationRuleController {

    private final NotificationRules rules;
    private final CurrentTenant tenant;

    NotificationRuleController(NotificationRules rules, CurrentTenant tenant) {
        this.rules = rules;
        this.tenant = tenant;
    }

    @PostMapping
    ResponseEntity<NotificationRuleView> create(@Valid @RequestBody NewNotificationRule body) {
        NotificationRuleView created = rules.create(tenant.caller(), body);
        return ResponseEntity.created(URI.create("/api/v1/notification-rules/" + created.id())).body(created);
    }

    @GetMapping
    List<NotificationRuleView> list() {
        return rules.list(tenant.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        rules.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }
}
