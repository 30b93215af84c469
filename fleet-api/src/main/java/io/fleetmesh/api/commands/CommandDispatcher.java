package io.fleetmesh.api.commands;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * QUEUED → SENT: puts a stored command on its tenant's hub COMMANDS stream ({@code Nats-Msg-Id} = its id, so a
 * second replica's or a retry's publish is the same message) after making sure the device's own consumer exists
 * (ADR 0006). What the hub did not take stays QUEUED and is sent again every dispatch interval; what expired
 * before the truck had it becomes EXPIRED.
 */
@Component
class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final long CONSUMER_RECHECK_MILLIS = 60_000;

    private final CommandRepository commands;
    private final CommandChanges changes;
    private final MeshLinks links;
    private final CommandProperties properties;
    private final Clock clock;
    /** "tenant/device" → when its consumer was last known to exist. */
    private final Map<String, Long> consumers = new ConcurrentHashMap<>();

    CommandDispatcher(CommandRepository commands, CommandChanges changes, MeshLinks links, CommandProperties properties,
                      Clock clock) {
        this.commands = commands;
        this.changes = changes;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /** A command to one device goes out at once; a fan-out's many are left to the sweep, off the request thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void queued(CommandQueued queued) {
        if (queued.dispatchNow()) {
            send(queued.commandId());
        }
    }

    /** A deleted device's consumer is gone: the next command for a device of that id makes a new one. */
    void forget(UUID tenant, String device) {
        consumers.remove(tenant + "/" + device);
    }

    @Scheduled(fixedDelayString = "${fleetmesh.commands.dispatch-interval:2s}")
    void sweep() {
        commands.findExpired(clock.instant(), Limit.of(500)).forEach(id -> changes.apply(id, command -> command
                .transition(CommandState.EXPIRED, clock.instant(), CommandSource.CLOUD, "expired before the truck had it")));
        commands.findDispatchable(clock.instant(), Limit.of(500)).forEach(this::send);
    }

    /** Sends the command if it is still QUEUED; leaves it QUEUED (for the next sweep) if the hub does not take it. */
    void send(UUID id) {
        Command command = commands.findById(id).orElse(null);
        if (command == null || command.state() != CommandState.QUEUED) {
            return;
        }
        try {
            PublishAck ack = publish(command);
            Command after = changes.apply(id, stored -> stored.sent(ack.getSeqno(), clock.instant())).orElse(null);
            if (after == null || after.state() == CommandState.CANCELLED) {
                // cancelled (or deleted) while it was being published: take it back before its truck fetches it
                links.of(command.tenantId()).orElseThrow().connection().jetStreamManagement()
                        .deleteMessage(HubStreams.COMMANDS, ack.getSeqno());
            }
        } catch (Exception e) {
            log.warn("command {} for {} not on the hub yet, retrying: {}", id, command.deviceId(), e.toString());
        }
    }

    private PublishAck publish(Command command) throws Exception {
        TenantLink link = links.of(command.tenantId())
                .orElseThrow(() -> new IllegalStateException("tenant " + command.tenantId() + " has no mesh link yet"));
        ensureConsumer(link, command.deviceId());
        return link.connection().jetStream().publish(command.subject(), command.message().toJson(),
                PublishOptions.builder().messageId(command.id().toString()).expectedStream(HubStreams.COMMANDS).build());
    }

    /** The device's consumer delivers from the first command it has; it is created once and checked every minute. */
    private void ensureConsumer(TenantLink link, String device) throws Exception {
        String key = link.tenant() + "/" + device;
        Long checked = consumers.get(key);
        if (checked != null && System.currentTimeMillis() - checked < CONSUMER_RECHECK_MILLIS) {
            return;
        }
        Connection connection = link.connection();
        connection.jetStreamManagement().addOrUpdateConsumer(HubStreams.COMMANDS, ConsumerConfiguration.builder()
                .durable(HubStreams.commandConsumer(device))
                .filterSubject(HubStreams.commandSubjects(device))
                .deliverSubject(HubStreams.commandDelivery(device))
                .deliverPolicy(DeliverPolicy.All)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofSeconds(30))
                .build());
        consumers.put(key, System.currentTimeMillis());
    }
}
