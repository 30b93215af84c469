package io.fleetmesh.edge.commands;

import io.fleetmesh.protocol.CommandMessage;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands down (ADR 0006), on the agent's own hub connection: what the device's hub consumer delivers goes into
 * the leaf's INBOX ({@code Nats-Msg-Id} = the command id) and is acknowledged to the hub only once the leaf has
 * stored it; a synchronous request runs the command through the executor at once and answers with its report.
 */
public final class CommandReceiver implements AutoCloseable {

    private static final Logger log = Logger.getLogger(CommandReceiver.class.getName());
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] ACK = "+ACK".getBytes(StandardCharsets.UTF_8);

    private final Connection hub;
    private final Connection local;
    private final String deviceId;
    private final CommandExecutor executor;
    private Dispatcher deliveries;
    private Dispatcher requests;

    public CommandReceiver(Connection hub, Connection local, String deviceId, CommandExecutor executor) {
        this.hub = hub;
        this.local = local;
        this.deviceId = deviceId;
        this.executor = executor;
    }

    public void start() {
        deliveries = hub.createDispatcher(this::store);
        deliveries.subscribe(Subjects.commandDelivery(deviceId));
        requests = hub.createDispatcher(this::runNow);
        requests.subscribe(Subjects.commandRequests(deviceId));
    }

    /** Not acknowledged if the leaf does not take it: the hub delivers it again after its ack wait. */
    private void store(Message delivered) {
        if (delivered.isStatusMessage() || delivered.getReplyTo() == null) {
            return;
        }
        try {
            String id = CommandMessage.parse(delivered.getData()).id();
            local.jetStream().publish(NatsMessage.builder().subject(CommandInbox.SUBJECT).data(delivered.getData()).build(),
                    PublishOptions.builder().messageId(id).build());
        } catch (IllegalArgumentException malformed) {
            log.warning("the hub delivered something that is not a command, dropped: " + malformed.getMessage());
        } catch (Exception leafUnavailable) {
            log.warning("command not stored on the leaf yet: " + leafUnavailable);
            return;
        }
        hub.publish(delivered.getReplyTo(), ACK);
    }

    private void runNow(Message request) {
        try {
            CommandExecutor.Finished finished = executor.run(CommandMessage.parse(request.getData()));
            hub.publish(request.getReplyTo(), json.writeValueAsBytes(finished.report()));
            finished.awaitStored();
        } catch (Exception e) {
            log.warning("synchronous command not run: " + e);
        }
    }

    @Override
    public void close() {
        if (deliveries != null) {
            hub.closeDispatcher(deliveries);
            hub.closeDispatcher(requests);
        }
    }
}
