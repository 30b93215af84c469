package io.fleetmesh.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts published one after another at a pace, each timed from its publish to the SMTP server's receipt of the
 * message that carries it (one, or a digest when several were waiting at once).
 */
final class LatencyRun {

    private static final Pattern PROBE = Pattern.compile("probe (\\d+)-(\\d+)\\b");

    private final Connection hub;
    private final GreenMail smtp;
    private final String address;
    private final int run;

    LatencyRun(Connection hub, GreenMail smtp, String address, int run) {
        this.hub = hub;
        this.smtp = smtp;
        this.address = address;
        this.run = run;
    }

    /** p50, p95, p99 and max in ms. */
    double[] measure(int alerts, int perSecond) throws Exception {
        int before = smtp.getReceivedMessages().length;
        long[] sentAt = new long[alerts];
        Thread publisher = new Thread(() -> publish(alerts, perSecond, sentAt));
        publisher.start();
        List<Delivery> deliveries = deliveries(before, alerts);
        publisher.join();
        double[] millis = latencies(deliveries, sentAt);
        Arrays.sort(millis);
        int n = millis.length;
        return new double[] {millis[n / 2], millis[(int) (n * 0.95)], millis[(int) (n * 0.99)], millis[n - 1]};
    }

    private void publish(int alerts, int perSecond, long[] sentAt) {
        try {
            JetStream js = hub.jetStream();
            long start = System.nanoTime();
            for (int i = 0; i < alerts; i++) {
                LockSupport.parkNanos(start + (long) (i * 1e9 / perSecond) - System.nanoTime());
                sentAt[i] = System.nanoTime();
                js.publish("fleet.bench-alerting.events.alert", NotificationsBenchmark.alert("probe-%d-%d".formatted(run, i),
                        "probe %d-%d".formatted(run, i)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message to the address: when the SMTP server had it, and the probes it carries. */
    private record Delivery(long arrivedAt, List<Integer> probes) {
    }

    /**
     * Each new message to the address, timed when it is first seen and parsed only once after that, until every
     * alert has been seen in one (or a minute passed).
     */
    private List<Delivery> deliveries(int before, int alerts) throws InterruptedException {
        List<Delivery> deliveries = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int seen = before;
        int probes = 0;
        while (probes < alerts && System.nanoTime() < deadline) {
            if (smtp.waitForIncomingEmail(200, seen + 1)) {
                long now = System.nanoTime();
                MimeMessage[] all = smtp.getReceivedMessages();
                for (; seen < all.length; seen++) {
                    if (NotificationsBenchmark.isTo(all[seen], address)) {
                        deliveries.add(new Delivery(now, probes(all[seen])));
                        probes += deliveries.get(deliveries.size() - 1).probes().size();
                    }
                }
            }
        }
        return deliveries;
    }

    private double[] latencies(List<Delivery> deliveries, long[] sentAt) {
        List<Double> millis = new ArrayList<>();
        deliveries.forEach(d -> d.probes().forEach(i -> millis.add((d.arrivedAt() - sentAt[i]) / 1e6)));
        if (millis.size() < sentAt.length) {
            throw new IllegalStateException("only " + millis.size() + " of " + sentAt.length + " alerts were mailed");
        }
        return millis.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<Integer> probes(MimeMessage mail) {
        Matcher probe = PROBE.matcher(GreenMailUtil.getBody(mail));
        List<Integer> found = new ArrayList<>();
        while (probe.find()) {
            if (Integer.parseInt(probe.group(1)) == run && !found.contains(Integer.parseInt(probe.group(2)))) {
                found.add(Integer.parseInt(probe.group(2)));
            }
        }
        return found;
    }
}
