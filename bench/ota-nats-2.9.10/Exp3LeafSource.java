import io.nats.client.*;
import io.nats.client.api.*;
import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/**
 * Q3: leaf-side stream (domain truck1) that SOURCES or MIRRORS the hub's OBJ_ota via external api $JS.hub.API,
 * then read it as a local Object Store on the leaf.
 * modes:
 *   source2     : name OBJ_ota, subjects $O.ota.>, sources [C.<nuid>, M.>] (two sources of same origin stream)
 *   source2ns   : same but no subjects on the leaf stream (avoids subject-interest crossing the leafnode)
 *   sourceC     : name OBJ_ota, no subjects, one source filtered to C.<nuid> only
 *   sourceAll   : name OBJ_ota, no subjects, one unfiltered source of the whole hub OBJ_ota (external api)
 *   mirror      : name OBJ_ota, mirror of whole OBJ_ota (external api)
 * args: mode runs rateBps periodMs
 */
public class Exp3LeafSource {
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        int runs = Integer.parseInt(a[1]);
        long rate = Long.parseLong(a[2]);
        long period = Long.parseLong(a[3]);
        String stream = "OBJ_" + Common.BUCKET;
        List<Long> times = new ArrayList<>(), link = new ArrayList<>();
        try (LinkProxy px = new LinkProxy(Common.PROXY_PORT, Common.HUB_LEAF_PORT, period, 3000, rate, 0);
             Connection hub = Common.connect(Common.HUB, "hub-admin");
             Connection leaf = Common.connect(Common.LEAF, "leaf-agent")) {
            Common.waitLeaf(15000);
            ObjectInfo oi = hub.objectStore(Common.BUCKET).getInfo(Common.OBJ);
            String chunkSubj = "$O." + Common.BUCKET + ".C." + oi.getNuid();
            String metaAll = "$O." + Common.BUCKET + ".M.>";
            long hubMsgs = hub.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount();
            JetStreamManagement ljsm = leaf.jetStreamManagement(); // local domain (truck1)
            External ext = External.builder().api("$JS.hub.API").build();
            for (int r = 0; r < runs; r++) {
                px.setDropping(false);
                Common.waitLeaf(15000);
                try { ljsm.deleteStream(stream); } catch (JetStreamApiException ignore) {}
                StreamConfiguration.Builder b = StreamConfiguration.builder().name(stream).storageType(StorageType.File)
                    .allowRollup(true).allowDirect(true).discardPolicy(DiscardPolicy.New);
                long expected;
                switch (mode) {
                    case "source2", "source2ns" -> {
                        if (mode.equals("source2")) b.subjects("$O." + Common.BUCKET + ".>");
                        b.sources(Source.builder().name(stream).filterSubject(chunkSubj).external(ext).build(),
                                  Source.builder().name(stream).filterSubject(metaAll).external(ext).build());
                        expected = oi.getChunks() + 1;
                    }
                    case "sourceC" -> {
                        b.sources(Source.builder().name(stream).filterSubject(chunkSubj).external(ext).build());
                        expected = oi.getChunks();
                    }
                    case "sourceAll" -> {
                        b.sources(Source.builder().name(stream).external(ext).build());
                        expected = hubMsgs;
                    }
                    case "mirror" -> {
                        b.mirror(Mirror.builder().name(stream).external(ext).build());
                        b.allowDirect(false).allowRollup(true).discardPolicy(DiscardPolicy.Old); // allowRollup REQUIRED: OS meta msgs carry Nats-Rollup
                        expected = hubMsgs;
                    }
                    default -> throw new IllegalArgumentException(mode);
                }
                StreamInfo si;
                long b0 = px.hubToLeaf.get(); int d0 = px.drops.get();
                long t0 = System.nanoTime();
                try {
                    si = ljsm.addStream(b.build());
                } catch (JetStreamApiException e) {
                    Common.log("addStream on leaf FAILED: " + e);
                    return;
                }
                px.setDropping(true);
                Common.log("leaf stream created: " + si.getConfiguration().toJson());
                long lastLog = 0; long msgs = 0, chunkCnt = 0, metaCnt = 0, chunksDoneAt = 0;
                while (true) {
                    si = ljsm.getStreamInfo(stream, StreamInfoOptions.filterSubjects("$O." + Common.BUCKET + ".>"));
                    msgs = si.getStreamState().getMsgCount();
                    chunkCnt = 0; metaCnt = 0;
                    if (si.getStreamState().getSubjects() != null) for (Subject sj : si.getStreamState().getSubjects()) {
                        if (sj.getName().equals(chunkSubj)) chunkCnt = sj.getCount();
                        if (sj.getName().startsWith("$O." + Common.BUCKET + ".M.")) metaCnt += sj.getCount();
                    }
                    long now = System.nanoTime();
                    if (chunkCnt >= oi.getChunks() && chunksDoneAt == 0) chunksDoneAt = now;
                    if (msgs >= expected) break;
                    if (chunksDoneAt > 0 && now - chunksDoneAt > 15_000_000_000L) { Common.log("chunks complete but meta missing: msgs=" + msgs); break; }
                    if ((now - t0) / 1_000_000_000L > 150) { Common.log("TIMEOUT msgs=" + msgs); break; }
                    if (now - lastLog > 10_000_000_000L) {
                        lastLog = now;
                        Common.log("leaf msgs=" + msgs + "/" + expected + " chunks=" + chunkCnt + " meta=" + metaCnt + " link h2l=" + (px.hubToLeaf.get() - b0)
                            + " " + srcState(si));
                    }
                    Thread.sleep(100);
                }
                if (chunksDoneAt == 0) chunksDoneAt = System.nanoTime();
                long chunkMs = (chunksDoneAt - t0) / 1_000_000;
                Common.log("all chunks on leaf after " + chunkMs + " ms (meta msgs=" + metaCnt + ")");
                long ms = chunkMs;
                px.setDropping(false);
                Thread.sleep(2000); // let anything still in flight land (detect duplicates)
                si = ljsm.getStreamInfo(stream);
                long lb = px.hubToLeaf.get() - b0;
                Common.log(String.format("RUN %d mode=%s: chunks complete in %d ms, leaf msgs=%d (expected %d) bytes=%d, link h2l=%d (%.3f), drops=%d, sources=%s",
                    r, mode, ms, si.getStreamState().getMsgCount(), expected, si.getStreamState().getByteCount(), lb, lb / (double) Common.SIZE, px.drops.get() - d0, srcState(si)));
                times.add(ms); link.add(lb);
                readLocal(leaf, oi, r == 0);
                if (r == runs - 1) probeInterest(hub, ljsm, stream);
            }
            Common.log(String.format("MEDIAN mode=%s rate=%d period=%d: time=%d ms link=%d (%.3f) all=%s links=%s", mode, rate, period,
                Common.median(times), Common.median(link), Common.median(link) / (double) Common.SIZE, times, link));
        }
    }

    static String srcState(StreamInfo si) {
        StringBuilder sb = new StringBuilder();
        if (si.getMirrorInfo() != null) sb.append("mirror{lag=").append(si.getMirrorInfo().getLag()).append(",active=").append(si.getMirrorInfo().getActive()).append(",err=").append(si.getMirrorInfo().getError()).append("}");
        if (si.getSourceInfos() != null) for (SourceInfo s : si.getSourceInfos())
            sb.append("src{").append(s.getName()).append(",lag=").append(s.getLag()).append(",active=").append(s.getActive()).append(",err=").append(s.getError()).append("}");
        return sb.toString();
    }

    /** read the leaf's copy as a local object store (leaf's own domain) */
    static void readLocal(Connection leaf, ObjectInfo hubOi, boolean verbose) {
        Path out = Paths.get("/tmp/ota-exp/data/exp3.out");
        try {
            ObjectStore los = leaf.objectStore(Common.BUCKET);
            ObjectInfo loi = los.getInfo(Common.OBJ);
            if (loi == null) { Common.log("LOCAL OS: getInfo returned null (no meta message in leaf stream)"); return; }
            long t0 = System.nanoTime();
            try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(out))) { los.get(Common.OBJ, fo); }
            Common.log("LOCAL OS get OK in " + (System.nanoTime() - t0) / 1_000_000 + " ms, sha ok=" + Common.digestMatches(hubOi.getDigest(), out));
        } catch (Exception e) {
            Common.log("LOCAL OS read FAILED: " + e);
        }
    }

    /** put a small object on the hub after the leaf stream exists: does the leaf stream also get it by plain subject interest? */
    static void probeInterest(Connection hub, JetStreamManagement ljsm, String stream) throws Exception {
        long before = ljsm.getStreamInfo(stream).getStreamState().getMsgCount();
        ObjectStore hos = hub.objectStore(Common.BUCKET);
        String name = "probe-" + System.currentTimeMillis();
        ObjectInfo poi = hos.put(ObjectMeta.builder(name).build(), new ByteArrayInputStream(new byte[1000]));
        Thread.sleep(3000);
        StreamInfo si = ljsm.getStreamInfo(stream, StreamInfoOptions.filterSubjects("$O." + Common.BUCKET + ".>"));
        long after = si.getStreamState().getMsgCount();
        Map<String, Long> subj = new TreeMap<>();
        if (si.getStreamState().getSubjects() != null)
            for (Subject s : si.getStreamState().getSubjects()) if (s.getName().contains(poi.getNuid()) || s.getName().contains(".M.")) subj.put(s.getName(), s.getCount());
        Common.log("PROBE small put on hub after leaf stream exists: leaf msgs " + before + " -> " + after + " subjects(meta/probe chunks)=" + subj);
        hos.delete(name);
    }
}
