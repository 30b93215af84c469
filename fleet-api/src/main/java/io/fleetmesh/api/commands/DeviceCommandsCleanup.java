package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDeleted;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.nats.client.PurgeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deleted device takes its commands and their history with it, as it does its readings; once that is committed
 * its hub consumer and its commands still on the hub go too, so a device created later under the same id never
 * receives them.
 */
@Component
class DeviceCommandsCleanup {

    private static final Logger log = LoggerFactory.getLogger(DeviceCommandsCleanup.class);

    private final JdbcTemplate jdbc;
    private final MeshLinks links;
    private final CommandDispatcher dispatcher;

    DeviceCommandsCleanup(JdbcTemplate jdbc, MeshLinks links, CommandDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.links = links;
        this.dispatcher = dispatcher;
    }

    @EventListener
    void on(DeviceDeleted deleted) {
        jdbc.update("DELETE FROM commands WHERE tenant_id = ? AND device_id = ?", deleted.tenantId(), deleted.deviceId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void offTheHub(DeviceDeleted deleted) {
        dispatcher.forget(deleted.tenantId(), deleted.deviceId());
        links.of(deleted.tenantId()).ifPresent(link -> {
            try {
                var jsm = link.connection().jetStreamManagement();
                jsm.purgeStream(HubStreams.COMMANDS, PurgeOptions.subject(HubStreams.commandSubjects(deleted.deviceId())));
                jsm.deleteConsumer(HubStreams.COMMANDS, HubStreams.commandConsumer(deleted.deviceId()));
            } catch (Exception e) {
                log.info("commands of deleted device {} not cleared from the hub: {}", deleted.deviceId(), e.toString());
            }
        });
    }
}
