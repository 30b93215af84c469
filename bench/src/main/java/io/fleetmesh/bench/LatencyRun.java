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
        int before = NotificationsBenchmark.received(smtp, address).size();
        long[] sentAt = new long[alerts];
        Thread publisher = new Thread(() -> publish(alerts, perSecond, sentAt));
        publisher.start();
        List<Long> arrivals = arrivals(before, alerts);
        publisher.join();
        double[] millis = latencies(before, arrivals, sentAt);
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

    /** The receipt time of each new message, until every alert has been seen in one (or a minute passed). */
    private List<Long> arrivals(int before, int alerts) throws InterruptedException {
        List<Long> arrivals = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int count = smtp.getReceivedMessages().length;
        while (probesIn(before) < alerts && System.nanoTime() < deadline) {
            if (smtp.waitForIncomingEmail(200, count + 1)) {
                long now = System.nanoTime();
                int arrived = smtp.getReceivedMessages().length;
                for (; count < arrived; count++) {
                    arrivals.add(now);
                }
            }
        }
        return arrivals;
    }

    private int probesIn(int before) {
        List<MimeMessage> mails = NotificationsBenchmark.received(smtp, address);
        int probes = 0;
        for (MimeMessage mail : mails.subList(before, mails.size())) {
            probes += probes(mail).size();
        }
        return probes;
    }

    private double[] latencies(int before, List<Long> arrivals, long[] sentAt) {
        List<MimeMessage> mails = NotificationsBenchmark.received(smtp, address);
        List<Double> millis = new ArrayList<>();
        for (int m = before; m < mails.size() && m - before < arrivals.size(); m++) {
            long arrived = arrivals.get(m - before);
            probes(mails.get(m)).forEach(i -> millis.add((arrived - sentAt[i]) / 1e6));
        }
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
