package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class NatsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NatsConfiguration.class);

    /** Reconnects forever, also when the hub is down at start: fleet-api then starts and reports DOWN. */
    @Bean(destroyMethod = "close")
    Connection natsConnection(NatsProperties properties) throws IOException, InterruptedException {
        return Nats.connectReconnectOnConnect(options(properties));
    }

    private static Options options(NatsProperties properties) {
        Options.Builder builder = Options.builder()
                .servers(properties.urls().toArray(String[]::new))
                .connectionName(properties.connectionName())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionListener(NatsConfiguration::logConnectionEvent)
                .errorListener(new LoggingErrorListener());
        if (StringUtils.hasText(properties.credentials())) {
            builder.authHandler(Nats.credentials(properties.credentials()));
        }
        return builder.build();
    }

    private static void logConnectionEvent(Connection connection, ConnectionListener.Events event) {
        log.info("NATS connection {}: {}", event.getEvent(), connection.getConnectedUrl());
    }

    private static final class LoggingErrorListener implements ErrorListener {

        @Override
        public void errorOccurred(Connection conn, String error) {
            log.warn("NATS server error: {}", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            log.warn("NATS connection exception: {}", exp.toString());
        }
    }
}
