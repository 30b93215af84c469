import io.nats.client.*;
import io.nats.client.api.*;
import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/**
 * Q1: put 50 MiB object on hub, read it from a leaf-connected client with ObjectStoreOptions.jsDomain("hub").
 * args: runs rateBps periodMs [requestTimeoutSec=5]  (periodMs 0 = stable link)
 */
public class Exp1ObjectStoreGet {
    public static void main(String[] a) throws Exception {
        int runs = a.length > 0 ? Integer.parseInt(a[0]) : 3;
        long rate = a.length > 1 ? Long.parseLong(a[1]) : 0;
        long period = a.length > 2 ? Long.parseLong(a[2]) : 0;
        try (LinkProxy px = new LinkProxy(Common.PROXY_PORT, Common.HUB_LEAF_PORT, period, 3000, rate, 0);
             Connection hub = Common.connect(Common.HUB, "hub-admin")) {
            Common.waitLeaf(15000);
            ensureObject(hub);
            try (Connection leaf = Common.connect(Common.LEAF, "leaf-agent")) {
                ObjectStore os = leaf.objectStore(Common.BUCKET, ObjectStoreOptions.builder(JetStreamOptions.builder().domain("hub")
                    .requestTimeout(java.time.Duration.ofSeconds(a.length > 3 ? Long.parseLong(a[3]) : 5)).build()).build());
                ObjectInfo oi = os.getInfo(Common.OBJ);
                Common.log("getInfo via leaf OK: " + oi.getObjectName() + " size=" + oi.getSize() + " chunks=" + oi.getChunks() + " nuid=" + oi.getNuid() + " digest=" + oi.getDigest());
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Path out = Paths.get("/tmp/ota-exp/data/exp1.out");
                    long b0 = px.hubToLeaf.get(); int d0 = px.drops.get();
                    long t0 = System.nanoTime();
                    try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(out))) {
                        os.get(Common.OBJ, fo);
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        times.add(ms);
                        Common.log(String.format("run %d: get OK %d ms, link bytes h2l=%d (ratio %.3f), drops during=%d, sha ok=%s",
                            i, ms, px.hubToLeaf.get() - b0, (px.hubToLeaf.get() - b0) / (double) Common.SIZE, px.drops.get() - d0,
                            Common.digestMatches(oi.getDigest(), out)));
                    } catch (Exception e) {
                        Common.log(String.format("run %d: get FAILED after %d ms: %s link bytes=%d drops=%d", i,
                            (System.nanoTime() - t0) / 1_000_000, e, px.hubToLeaf.get() - b0, px.drops.get() - d0));
                    }
                }
                if (!times.isEmpty()) Common.log("median ms = " + Common.median(times) + " all=" + times);
            }
        }
    }

    static void ensureObject(Connection hub) throws Exception {
        ObjectStoreManagement osm = hub.objectStoreManagement();
        if (!osm.getBucketNames().contains(Common.BUCKET)) {
            osm.create(ObjectStoreConfiguration.builder(Common.BUCKET).storageType(StorageType.File).build());
            Common.log("created bucket " + Common.BUCKET);
        }
        ObjectStore os = hub.objectStore(Common.BUCKET);
        if (os.getInfo(Common.OBJ) == null) {
            byte[] data = new byte[Common.SIZE];
            new Random(42).nextBytes(data);
            long t0 = System.nanoTime();
            ObjectInfo oi = os.put(ObjectMeta.builder(Common.OBJ).build(), new ByteArrayInputStream(data));
            Common.log("put on hub " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + oi);
        }
        StreamInfo si = hub.jetStreamManagement().getStreamInfo("OBJ_" + Common.BUCKET);
        Common.log("hub stream: " + si.getConfiguration().toJson());
        Common.log("hub stream state: msgs=" + si.getStreamState().getMsgCount() + " first=" + si.getStreamState().getFirstSequence() + " last=" + si.getStreamState().getLastSequence());
    }
}
