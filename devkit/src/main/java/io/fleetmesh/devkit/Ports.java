package io.fleetmesh.devkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Loopback ports for the servers the devkit starts. */
public final class Ports {

    // Below Linux's ephemeral range (32768-60999): a port the kernel picked for us there could be handed to an
    // outgoing connection before our server binds it, which happened with 200 trucks' leaves starting at once.
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final AtomicInteger next =
            new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST));

    private Ports() {
    }

    /** A port nothing listens on right now, never the same twice in this process. */
    public static int free() {
        for (int attempt = 0; attempt < LAST - FIRST; attempt++) {
            int port = FIRST + Math.floorMod(next.getAndIncrement() - FIRST, LAST - FIRST);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts connections on 127.0.0.1:port. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
