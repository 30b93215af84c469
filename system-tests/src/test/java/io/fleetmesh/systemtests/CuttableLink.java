package io.fleetmesh.systemtests;

import io.fleetmesh.devkit.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A truck's uplink to the hub as a TCP proxy on loopback: it counts the bytes it carries down to the truck, can be
 * slowed to a rate, and cut (every connection through it closed; the next ones get through again).
 */
final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final long bytesPerSecond;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong cuts = new AtomicLong();

    CuttableLink(int target, long bytesPerSecond) throws IOException {
        this.target = target;
        this.bytesPerSecond = bytesPerSecond;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", Ports.free()));
        Thread acceptor = new Thread(this::accept, "link-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "nats://127.0.0.1:" + listener.getLocalPort();
    }

    /** Bytes carried from the hub to the truck so far. */
    long bytesDown() {
        return down.get();
    }

    long cuts() {
        return cuts.get();
    }

    void cut() {
        cuts.incrementAndGet();
        open.forEach(CuttableLink::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket truck = listener.accept();
                Socket hub = new Socket("127.0.0.1", target);
                open.add(truck);
                open.add(hub);
                pump(hub, truck, down, bytesPerSecond);
                pump(truck, hub, new AtomicLong(), 0);
            } catch (IOException closedOrRefused) {
                // the next connection may fare better
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter, long rate) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                long allowedAt = System.nanoTime();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    counter.addAndGet(n);
                    allowedAt = throttle(rate, allowedAt, n);
                }
            } catch (IOException | InterruptedException cut) {
                // closed by cut() or by either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "link-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** A token bucket with 50 ms of credit: sleeps off what {@code bytes} cost at the rate; the next allowance. */
    private static long throttle(long rate, long allowedAt, int bytes) throws InterruptedException {
        if (rate <= 0) {
            return allowedAt;
        }
        long now = System.nanoTime();
        long next = Math.max(allowedAt, now - 50_000_000L) + bytes * 1_000_000_000L / rate;
        if (next > now) {
            Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
        }
        return next;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
