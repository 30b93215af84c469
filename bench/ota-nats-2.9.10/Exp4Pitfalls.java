import io.nats.client.*;
import io.nats.client.api.*;
import java.io.*;
import java.time.Duration;
import java.util.*;

/**
 * Q4: subject-interest leakage between hub and leaf streams that share the $O.<bucket>.> subject space.
 * Leaf stream OBJ_ota WITH subjects $O.ota.> plus an unfiltered external source of the hub's OBJ_ota.
 *  - put a small object on the hub: how many copies land in the leaf stream?
 *  - core-publish $O.ota.M.<x> from a leaf client: does the HUB stream store it?
 * Stable, unthrottled link.
 */
public class Exp4Pitfalls {
    public static void main(String[] a) throws Exception {
        String stream = "OBJ_" + Common.BUCKET;
        try (LinkProxy px = new LinkProxy(Common.PROXY_PORT, Common.HUB_LEAF_PORT, 0, 0, 0, 0);
             Connection hub = Common.connect(Common.HUB, "hub-admin");
             Connection leaf = Common.connect(Common.LEAF, "leaf-agent")) {
            Common.waitLeaf(15000);
            JetStreamManagement ljsm = leaf.jetStreamManagement(), hjsm = hub.jetStreamManagement();
            try { ljsm.deleteStream(stream); } catch (JetStreamApiException ignore) {}
            long hubMsgs = hjsm.getStreamInfo(stream).getStreamState().getMsgCount();
            ljsm.addStream(StreamConfiguration.builder().name(stream).subjects("$O." + Common.BUCKET + ".>")
                .storageType(StorageType.File).allowRollup(true).allowDirect(true)
                .sources(Source.builder().name(stream).external(External.builder().api("$JS.hub.API").build()).build()).build());
            long t0 = System.currentTimeMillis();
            while (ljsm.getStreamInfo(stream).getStreamState().getMsgCount() < hubMsgs && System.currentTimeMillis() - t0 < 30000) Thread.sleep(200);
            Common.log("leaf caught up: " + ljsm.getStreamInfo(stream).getStreamState().getMsgCount() + "/" + hubMsgs + " in " + (System.currentTimeMillis() - t0) + " ms");

            // (a) hub put after leaf stream exists
            String name = "dup-probe";
            ObjectStore hos = hub.objectStore(Common.BUCKET);
            ObjectInfo poi = hos.put(ObjectMeta.builder(name).build(), new ByteArrayInputStream(new byte[1000]));
            // also a raw js publish to see which stream/domain acks
            PublishAck ack = hub.jetStream().publish("$O." + Common.BUCKET + ".C." + poi.getNuid(), new byte[10]);
            Common.log("hub js.publish ack: stream=" + ack.getStream() + " domain=" + ack.getDomain() + " seq=" + ack.getSeqno());
            Thread.sleep(3000);
            StreamInfo si = ljsm.getStreamInfo(stream, StreamInfoOptions.filterSubjects("$O." + Common.BUCKET + ".C." + poi.getNuid()));
            Common.log("(a) probe chunk subject on LEAF stream: count=" + (si.getStreamState().getSubjects() == null ? 0 : si.getStreamState().getSubjects().get(0).getCount())
                + " (hub has 2: 1 chunk + 1 raw publish)");
            StreamInfo hsi = hjsm.getStreamInfo(stream, StreamInfoOptions.filterSubjects("$O." + Common.BUCKET + ".C." + poi.getNuid()));
            Common.log("    same subject on HUB stream: count=" + hsi.getStreamState().getSubjects().get(0).getCount());

            // (b) leaf core publish into $O.ota.M.x
            String leak = "$O." + Common.BUCKET + ".M.leaf-leak-test";
            leaf.publish(leak, "x".getBytes());
            leaf.flush(Duration.ofSeconds(2));
            Thread.sleep(1500);
            StreamInfo h2 = hjsm.getStreamInfo(stream, StreamInfoOptions.filterSubjects(leak));
            StreamInfo l2 = ljsm.getStreamInfo(stream, StreamInfoOptions.filterSubjects(leak));
            Common.log("(b) leaf core publish " + leak + ": stored on HUB stream=" + (h2.getStreamState().getSubjects() == null ? 0 : h2.getStreamState().getSubjects().get(0).getCount())
                + ", on LEAF stream=" + (l2.getStreamState().getSubjects() == null ? 0 : l2.getStreamState().getSubjects().get(0).getCount()));
            // cleanup on hub
            hos.delete(name);
            hjsm.purgeStream(stream, PurgeOptions.subject(leak));
            ljsm.deleteStream(stream);
        }
    }
}
