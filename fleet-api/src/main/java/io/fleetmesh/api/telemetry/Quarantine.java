package io.fleetmesh.api.telemetry;

import io.nats.client.Message;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** For other features' consumers: a message they cannot use goes to quarantine with the reason, as readings do. */
@Component
public class Quarantine {

    private final TelemetryStore store;

    Quarantine(TelemetryStore store) {
        this.store = store;
    }

    public void refused(UUID tenant, Message message, String reason) {
        long seq = message.isJetStream() ? message.metaData().streamSequence() : 0;
        store.quarantine(tenant, List.of(new Rejection(message.getSubject(), message.getData(),
                Rejection.Cause.INVALID, reason, seq)));
    }
}
