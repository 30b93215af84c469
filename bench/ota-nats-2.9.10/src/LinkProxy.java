import java.io.*;
import java.net.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * TCP proxy simulating a flaky truck uplink between leaf (client side) and hub leafnode port.
 * - periodMs > 0: every periodMs close all connections and refuse new ones for downMs.
 * - rateBps > 0: cap hub->leaf and leaf->hub throughput (bytes/s) per direction.
 * - oneWayDelayMs > 0: add latency each direction (delay line).
 * Counts bytes actually forwarded hub->leaf (written to leaf socket) and leaf->hub.
 */
public class LinkProxy implements Closeable {
    public final AtomicLong hubToLeaf = new AtomicLong();
    public final AtomicLong leafToHub = new AtomicLong();
    public final AtomicInteger drops = new AtomicInteger();
    public final AtomicInteger accepts = new AtomicInteger();
    private final int listenPort, targetPort;
    private final long periodMs, downMs, rateBps, delayMs;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile ServerSocket ss;
    private final Thread acceptor;
    private volatile boolean dropping = true;

    public LinkProxy(int listenPort, int targetPort, long periodMs, long downMs, long rateBps, long oneWayDelayMs) throws IOException {
        this.listenPort = listenPort; this.targetPort = targetPort; this.periodMs = periodMs; this.downMs = downMs;
        this.rateBps = rateBps; this.delayMs = oneWayDelayMs;
        acceptor = new Thread(this::run, "proxy-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** enable/disable the periodic drops at runtime */
    public void setDropping(boolean d) { dropping = d; }

    private ServerSocket bind() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", listenPort));
        s.setSoTimeout(200);
        return s;
    }

    private void run() {
        try {
            ss = bind();
            long nextDrop = System.currentTimeMillis() + periodMs;
            while (running) {
                if (periodMs > 0 && dropping && System.currentTimeMillis() >= nextDrop) {
                    ss.close();
                    for (Socket s : open) try { s.close(); } catch (IOException ignore) {}
                    open.clear();
                    drops.incrementAndGet();
                    log("LINK DOWN (drop #" + drops.get() + ")");
                    Thread.sleep(downMs);
                    ss = bind();
                    log("LINK UP");
                    nextDrop = System.currentTimeMillis() + periodMs;
                }
                if (periodMs > 0 && !dropping) nextDrop = System.currentTimeMillis() + periodMs;
                Socket leaf;
                try { leaf = ss.accept(); } catch (SocketTimeoutException e) { continue; }
                Socket hub = new Socket();
                try { hub.connect(new InetSocketAddress("127.0.0.1", targetPort), 2000); }
                catch (IOException e) { leaf.close(); continue; }
                leaf.setTcpNoDelay(true); hub.setTcpNoDelay(true);
                // small socket buffers so that the throttle is the real bottleneck
                leaf.setSendBufferSize(64 * 1024);
                hub.setReceiveBufferSize(64 * 1024);
                open.add(leaf); open.add(hub);
                accepts.incrementAndGet();
                pump(hub, leaf, hubToLeaf, "h2l");
                pump(leaf, hub, leafToHub, "l2h");
            }
        } catch (Exception e) {
            if (running) e.printStackTrace();
        }
    }

    private static final byte[] EOF = new byte[0];
    private record Chunk(long due, byte[] b) {}

    private void pump(Socket from, Socket to, AtomicLong counter, String name) {
        BlockingQueue<Chunk> q = new ArrayBlockingQueue<>(32); // ~32*16KiB in-flight max
        Thread r = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    Chunk c = new Chunk(System.nanoTime() + delayMs * 1_000_000L, Arrays.copyOf(buf, n));
                    while (!q.offer(c, 200, TimeUnit.MILLISECONDS)) if (from.isClosed() || to.isClosed()) return;
                }
            } catch (Exception ignore) {
            } finally {
                try { q.offer(new Chunk(0, EOF), 1, TimeUnit.SECONDS); } catch (InterruptedException ignore) {}
            }
        }, name + "-r");
        Thread w = new Thread(() -> {
            long allowedAt = System.nanoTime(); // token bucket with at most 50 ms of burst credit
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = q.take();
                    if (c.b == EOF) break;
                    long wait = c.due - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    out.write(c.b);
                    out.flush();
                    counter.addAndGet(c.b.length);
                    if (rateBps > 0) {
                        long now = System.nanoTime();
                        allowedAt = Math.max(allowedAt, now - 50_000_000L) + c.b.length * 1_000_000_000L / rateBps;
                        if (allowedAt > now) {
                            long d = allowedAt - now;
                            Thread.sleep(d / 1_000_000L, (int) (d % 1_000_000L));
                        }
                    }
                }
            } catch (Exception ignore) {
            } finally {
                try { from.close(); } catch (IOException ignore) {}
                try { to.close(); } catch (IOException ignore) {}
                open.remove(from); open.remove(to);
            }
        }, name + "-w");
        r.setDaemon(true); w.setDaemon(true);
        r.start(); w.start();
    }

    public static void log(String s) {
        System.out.printf("%tT.%<tL [proxy] %s%n", System.currentTimeMillis(), s);
    }

    @Override public void close() throws IOException {
        running = false;
        try { if (ss != null) ss.close(); } catch (IOException ignore) {}
        for (Socket s : open) try { s.close(); } catch (IOException ignore) {}
        try { acceptor.join(2000); } catch (InterruptedException ignore) {}
    }

    /** standalone: java LinkProxy listen target periodMs downMs rateBps delayMs */
    public static void main(String[] a) throws Exception {
        LinkProxy p = new LinkProxy(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Long.parseLong(a[2]), Long.parseLong(a[3]),
            Long.parseLong(a[4]), Long.parseLong(a[5]));
        while (true) { Thread.sleep(5000); log("h2l=" + p.hubToLeaf.get() + " l2h=" + p.leafToHub.get()); }
    }
}
