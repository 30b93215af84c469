import io.nats.client.*;
import io.nats.client.api.*;
import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.security.*;
import java.time.Duration;
import java.util.*;

public class Common {
    public static final String HUB = "nats://127.0.0.1:14222";
    public static final String LEAF = "nats://127.0.0.1:24222";
    public static final int HUB_LEAF_PORT = 17422, PROXY_PORT = 17423;
    public static final String BUCKET = "ota";
    public static final String OBJ = "pkg50";
    public static final int SIZE = 50 * 1024 * 1024;

    public static void log(String s) { System.out.printf("%tT.%<tL %s%n", System.currentTimeMillis(), s); }

    public static Connection connect(String url, String name) throws Exception {
        Options o = new Options.Builder().server(url).connectionName(name).maxReconnects(-1)
            .connectionTimeout(Duration.ofSeconds(5))
            .errorListener(new ErrorListener() {
                @Override public void errorOccurred(Connection c, String e) { log("[" + name + "] error: " + e); }
                @Override public void exceptionOccurred(Connection c, Exception e) { log("[" + name + "] exception: " + e); }
                @Override public void slowConsumerDetected(Connection c, Consumer consumer) { log("[" + name + "] slow consumer"); }
                @Override public void heartbeatAlarm(Connection c, JetStreamSubscription s, long lastStreamSeq, long lastConsumerSeq) {
                    log("[" + name + "] heartbeat alarm lastStreamSeq=" + lastStreamSeq);
                }
            }).build();
        return Nats.connect(o);
    }

    /** waits until the hub sees the leaf connection (monitoring endpoint) */
    public static void waitLeaf(int timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            try (InputStream in = new URL("http://127.0.0.1:18222/leafz").openStream()) {
                String s = new String(in.readAllBytes());
                if (s.contains("\"name\": \"truck1\"") || s.contains("\"leafnodes\": 1")) { Thread.sleep(300); return; }
            } catch (IOException ignore) {}
            Thread.sleep(100);
        }
        throw new IllegalStateException("leaf not connected");
    }

    public static String sha256B64Url(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = new byte[1 << 16]; int n;
            while ((n = in.read(b)) > 0) md.update(b, 0, n);
        }
        return Base64.getUrlEncoder().encodeToString(md.digest());
    }

    public static boolean digestMatches(String oiDigest, Path p) throws Exception {
        String mine = sha256B64Url(p);
        String theirs = oiDigest.substring(oiDigest.indexOf('=') + 1);
        // nats digests are base64url with padding in jnats; compare without padding
        return mine.replace("=", "").equals(theirs.replace("=", ""));
    }

    public static long median(List<Long> l) { List<Long> c = new ArrayList<>(l); Collections.sort(c); return c.get(c.size() / 2); }
}
