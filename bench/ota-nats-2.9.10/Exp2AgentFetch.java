import io.nats.client.*;
import io.nats.client.api.*;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/**
 * Q2: resumable agent fetch. Leaf-side client reads chunks of the hub object via domain "hub"
 * with an ephemeral pull consumer (AckNone, filter = chunk subject, ByStartSequence = lastSeq+1),
 * appends to a file, remembers last stream seq; on silence/gap it re-creates the consumer from lastSeq+1.
 * args: runs rateBps periodMs batch pipelined(true|false) oneWayDelayMs silenceMs
 */
public class Exp2AgentFetch {
    public static void main(String[] a) throws Exception {
        int runs = Integer.parseInt(a[0]);
        long rate = Long.parseLong(a[1]);
        long period = Long.parseLong(a[2]);
        int batch = Integer.parseInt(a[3]);
        boolean pipelined = Boolean.parseBoolean(a[4]);
        long delay = a.length > 5 ? Long.parseLong(a[5]) : 0;
        long silenceMs = a.length > 6 ? Long.parseLong(a[6]) : 3000;
        List<Long> times = new ArrayList<>(), link = new ArrayList<>(), rx = new ArrayList<>(), res = new ArrayList<>();
        try (LinkProxy px = new LinkProxy(Common.PROXY_PORT, Common.HUB_LEAF_PORT, period, 3000, rate, delay);
             Connection leaf = Common.connect(Common.LEAF, "leaf-agent")) {
            Common.waitLeaf(15000);
            JetStreamOptions jso = JetStreamOptions.builder().domain("hub").requestTimeout(Duration.ofSeconds(3)).build();
            JetStream js = leaf.jetStream(jso);
            ObjectStore os = leaf.objectStore(Common.BUCKET, ObjectStoreOptions.builder(jso).build());
            for (int r = 0; r < runs; r++) {
                px.setDropping(false);
                Common.waitLeaf(15000);
                ObjectInfo oi = retry(() -> os.getInfo(Common.OBJ));
                px.setDropping(true); // drop clock starts now (first drop ~period after)
                String chunkSubj = "$O." + Common.BUCKET + ".C." + oi.getNuid();
                Path out = Paths.get("/tmp/ota-exp/data/exp2.out");
                Files.deleteIfExists(out);
                long b0 = px.hubToLeaf.get(); int d0 = px.drops.get();
                long t0 = System.nanoTime();
                long lastSeq = 0, chunks = 0, bytesRx = 0, resumes = -1, discarded = 0;
                try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                    outer:
                    while (chunks < oi.getChunks()) {
                        resumes++;
                        final long start = lastSeq + 1;
                        ConsumerConfiguration cc = ConsumerConfiguration.builder()
                            .ackPolicy(AckPolicy.None).filterSubject(chunkSubj)
                            .deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(start)
                            .inactiveThreshold(Duration.ofSeconds(10)).memStorage(true).numReplicas(1).build();
                        JetStreamSubscription sub = retry(() -> js.subscribe(chunkSubj,
                            PullSubscribeOptions.builder().stream("OBJ_" + Common.BUCKET).configuration(cc).build()));
                        long expectCseq = 1; int outstanding = 0;
                        try {
                            while (chunks < oi.getChunks()) {
                                if (pipelined ? outstanding <= batch / 2 : outstanding == 0) {
                                    sub.pull(PullRequestOptions.builder(batch).expiresIn(Duration.ofSeconds(30)).build());
                                    outstanding += batch;
                                }
                                Message m = sub.nextMessage(Duration.ofMillis(silenceMs));
                                if (m == null) { Common.log("silence -> resume from " + (lastSeq + 1)); continue outer; }
                                if (!m.isJetStream()) continue;
                                outstanding--;
                                NatsJetStreamMetaData md = m.metaData();
                                byte[] d = m.getData();
                                bytesRx += d.length;
                                if (md.consumerSequence() != expectCseq) {
                                    Common.log("gap cseq=" + md.consumerSequence() + " expected " + expectCseq + " -> resume");
                                    discarded += d.length;
                                    continue outer;
                                }
                                expectCseq++;
                                if (md.streamSequence() <= lastSeq) { discarded += d.length; continue; }
                                fo.write(d);
                                lastSeq = md.streamSequence(); // an agent would persist this (after fo.flush) for restart-resume
                                chunks++;
                            }
                        } catch (Exception e) {
                            Common.log("error " + e + " -> resume from " + (lastSeq + 1));
                            Thread.sleep(500);
                        } finally {
                            try { sub.unsubscribe(); } catch (Exception ignore) {}
                        }
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long lb = px.hubToLeaf.get() - b0;
                boolean ok = Common.digestMatches(oi.getDigest(), out);
                Common.log(String.format("RUN %d batch=%d pipelined=%s: %d ms, sha ok=%s, clientRx=%d (%.3f), discarded=%d, link h2l=%d (%.3f), resumes=%d, drops=%d",
                    r, batch, pipelined, ms, ok, bytesRx, bytesRx / (double) Common.SIZE, discarded, lb, lb / (double) Common.SIZE, resumes, px.drops.get() - d0));
                times.add(ms); link.add(lb); rx.add(bytesRx); res.add(resumes);
            }
            Common.log(String.format("MEDIAN batch=%d pipelined=%s rate=%d delay=%d: time=%d ms clientRx=%d linkH2L=%d (%.3f) resumes=%d   all times=%s",
                batch, pipelined, rate, delay, Common.median(times), Common.median(rx), Common.median(link), Common.median(link) / (double) Common.SIZE, Common.median(res), times));
        }
    }

    interface Call<T> { T call() throws Exception; }
    static <T> T retry(Call<T> c) throws Exception {
        for (int i = 0; ; i++) {
            try { return c.call(); }
            catch (Exception e) {
                if (i > 60) throw e;
                Common.log("retry after: " + e);
                Thread.sleep(500);
            }
        }
    }
}
