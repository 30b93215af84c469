package io.fleetmesh.edge;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A truck without signal fails to reconnect every half second for hours: connection failures are logged at FINE
 * (the connection listener already says disconnected/reconnected once), server errors as warnings.
 */
final class QuietErrorListener implements ErrorListener {

    private static final Logger log = Logger.getLogger(QuietErrorListener.class.getName());
    private final String connection;

    QuietErrorListener(String connection) {
        this.connection = connection;
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
        log.warning(connection + ": server error " + error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        log.log(Level.FINE, connection + ": " + exp);
    }
}
