package io.fleetmesh.api.webhooks;

import io.fleetmesh.api.alerts.AlertEvents;
import io.fleetmesh.api.commands.CommandEvents;
import io.fleetmesh.api.commands.CommandState;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queues a delivery for every webhook of the tenant that wants the event: alert changes, commands' results
 * (their final states), and notifications that rules send by webhook. Queued in the transaction of the change
 * itself (an outbox), so a change is never without its deliveries, and by the replica that made it, so each is
 * delivered once.
 */
@Component
public class WebhookOutbox {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Set<CommandState> RESULTS = EnumSet.of(CommandState.SUCCEEDED, CommandState.FAILED,
            CommandState.REJECTED, CommandState.EXPIRED, CommandState.CANCELLED);

    private final JdbcTemplate jdbc;

    WebhookOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void alert(AlertEvents.AlertChanged changed) {
        queue(changed.tenantId(), "alert", json.valueToTree(changed));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void command(CommandEvents.CommandTransitioned transitioned) {
        if (RESULTS.contains(transitioned.state())) {
            queue(transitioned.tenantId(), "command", json.valueToTree(transitioned));
        }
    }

    /** A notification for the tenant's webhooks that take them; how many do (none: nobody was told). */
    public int notification(UUID tenant, JsonNode notification) {
        return queue(tenant, "notification", notification);
    }

    private int queue(UUID tenant, String kind, JsonNode data) {
        ObjectNode payload = json.createObjectNode().put("kind", kind);
        payload.set("data", data);
        return jdbc.update("INSERT INTO webhook_deliveries (webhook_id, kind, payload, state) SELECT id, ?, ?::jsonb, 'PENDING'"
                + " FROM webhooks WHERE tenant_id = ? AND ? = ANY (events)", kind, json.writeValueAsString(payload), tenant, kind);
    }
}
