package io.fleetmesh.api.notifications;

import io.fleetmesh.api.webhooks.WebhookOutbox;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notifications as signed webhooks ({@code kind: notification}) to the tenant's webhooks that take them: the
 * message's id (the same on a retry), the rule, the recipient's contact and the notices, so that an SMS or chat
 * bridge can tell that operator. Taken once queued: the webhooks' own outbox retries the deliveries.
 */
@Component
class WebhookChannel implements NotificationChannel {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final WebhookOutbox webhooks;

    WebhookChannel(WebhookOutbox webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(OutgoingMessage message) throws NotDelivered {
        ObjectNode body = json.createObjectNode().put("messageId", message.id()).put("rule", message.ruleName());
        body.set("recipient", json.valueToTree(message.recipient()));
        body.set("notices", json.valueToTree(message.notices()));
        if (webhooks.notification(message.tenantId(), body) == 0) {
            throw new NotDelivered("no webhook of the tenant takes notifications", true);
        }
    }
}
