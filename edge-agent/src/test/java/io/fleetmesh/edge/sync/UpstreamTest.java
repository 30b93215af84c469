package io.fleetmesh.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.edge.sync.Upstream.Outgoing;
import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamTest {

    private static final long EPOCH = 1733;
    private static final String REEFER = "fleet.t1.telemetry.reefer";
    private static final String GPS = "fleet.t1.telemetry.gps";
    private final Upstream upstream = new Upstream("t1", EPOCH);

    @Test
    void aLiveReadingAloneGoesAsASingleMessageWithItsIdentity() {
        List<NatsMessage> sent = upstream.of(List.of(reading(REEFER, 41)));
        assertThat(sent).hasSize(1);
        NatsMessage single = sent.get(0);
        assertThat(single.getSubject()).isEqualTo(REEFER);
        assertThat(single.getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:41");
        assertThat(single.getHeaders().getFirst(MeshHeaders.SEQ)).isEqualTo("41");
        assertThat(single.getHeaders().getFirst(MeshHeaders.BATCH)).isNull();
        assertThat(new String(single.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"ts\":41}");
    }

    @Test
    void readingsOfOneSubjectGoTogetherAndEventsAloneInOrderOfFirstUse() {
        List<NatsMessage> sent = upstream.of(List.of(reading(REEFER, 1), reading(GPS, 2),
                new Outgoing("fleet.t1.events.alert", 3, bytes("{}")), reading(REEFER, 4), reading(GPS, 5),
                reading("fleet.t1.telemetry.door", 6), reading(REEFER, 7)));
        assertThat(sent).extracting(NatsMessage::getSubject)
                .containsExactly(REEFER, GPS, "fleet.t1.events.alert", "fleet.t1.telemetry.door");
        assertThat(sent.get(0).getHeaders().getFirst(MeshHeaders.BATCH)).isEqualTo("3");
        assertThat(sent.get(0).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:1-7");
        assertThat(TelemetryBatch.unpack(sent.get(0).getData())).extracting(TelemetryBatch.Entry::seq)
                .containsExactly(1L, 4L, 7L);
        assertThat(TelemetryBatch.unpack(sent.get(1).getData())).extracting(TelemetryBatch.Entry::epoch)
                .containsOnly(EPOCH);
        assertThat(sent.get(2).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:3");
        assertThat(sent.get(3).getHeaders().getFirst(MeshHeaders.BATCH)).isNull();
    }

    @Test
    void aFullBatchIsCutAndTheRestFollowsEveryReadingOnce() {
        List<Outgoing> backlog = new ArrayList<>();
        for (long seq = 1; seq <= TelemetryBatch.MAX_READINGS * 2L + 1; seq++) {
            backlog.add(reading(REEFER, seq));
        }
        List<NatsMessage> sent = upstream.of(backlog);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:101-200");
        assertThat(sent.get(2).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:201");
        assertThat(TelemetryBatch.unpack(sent.get(0).getData())).hasSize(TelemetryBatch.MAX_READINGS);
    }

    @Test
    void aBodyTooLargeForABatchGoesAloneBetweenBatches() {
        byte[] large = new byte[TelemetryBatch.MAX_BYTES];
        List<NatsMessage> sent = upstream.of(List.of(reading(REEFER, 1), reading(REEFER, 2),
                new Outgoing(REEFER, 3, large), reading(REEFER, 4), reading(REEFER, 5)));
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:1-2");
        assertThat(sent.get(1).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:3");
        assertThat(sent.get(1).getData()).isEqualTo(large);
        assertThat(sent.get(2).getHeaders().getFirst(MeshHeaders.MESSAGE_ID)).isEqualTo("t1:1733:4-5");
    }

    @Test
    void everyBatchStaysWithinTheByteLimit() {
        List<Outgoing> backlog = new ArrayList<>();
        for (long seq = 1; seq <= 50; seq++) {
            backlog.add(new Outgoing(REEFER, seq, new byte[5_000]));
        }
        List<NatsMessage> sent = upstream.of(backlog);
        assertThat(sent).allSatisfy(message -> assertThat(message.getData().length).isLessThanOrEqualTo(TelemetryBatch.MAX_BYTES));
        assertThat(sent.stream().mapToInt(message -> TelemetryBatch.unpack(message.getData()).size()).sum()).isEqualTo(50);
    }

    private static Outgoing reading(String subject, long seq) {
        return new Outgoing(subject, seq, bytes("{\"ts\":" + seq + "}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
