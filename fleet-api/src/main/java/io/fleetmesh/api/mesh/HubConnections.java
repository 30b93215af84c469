package io.fleetmesh.api.mesh;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** fleet-api's connections to the hub: reconnect forever, also when the hub is down at start (health says DOWN). */
final class HubConnections {

    private static final Logger log = LoggerFactory.getLogger(HubConnections.class);

    private HubConnections() {
    }

    static Connection open(NatsProperties properties, String name, AuthHandler auth) throws IOException {
        try {
            return Nats.connectReconnectOnConnect(options(properties, name, auth));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the hub", e);
        }
    }

    private static Options options(NatsProperties properties, String name, AuthHandler auth) {
        Options.Builder builder = Options.builder()
                .servers(properties.urls().toArray(String[]::new))
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionListener((connection, event) -> log.info("NATS connection {} {}: {}", name,
                        event.getEvent(), connection.getConnectedUrl()))
                .errorListener(new LoggingErrorListener(name));
        if (auth != null) {
            builder.authHandler(auth);
        }
        return builder.build();
    }

    private record LoggingErrorListener(String name) implements ErrorListener {

        @Override
        public void errorOccurred(Connection conn, String error) {
            log.warn("NATS server error on {}: {}", name, error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            log.warn("NATS connection exception on {}: {}", name, exp.toString());
        }
    }
}
