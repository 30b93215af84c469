package io.fleetmesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.protocol.TelemetryBatch.Entry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryBatchTest {

    @Test
    void readingsComeOutAsTheyWentInWithTheirIdentityAndBytes() {
        List<Entry> sent = List.of(entry(1733, 7, "{\"ts\":1,\"temp\":-18}"), entry(1733, 12, ""),
                entry(1733, 13, "not json at all \u00e9"));
        List<Entry> received = TelemetryBatch.unpack(TelemetryBatch.pack(sent));
        assertThat(received).hasSize(3);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(received.get(i).epoch()).isEqualTo(sent.get(i).epoch());
            assertThat(received.get(i).seq()).isEqualTo(sent.get(i).seq());
            assertThat(received.get(i).body()).isEqualTo(sent.get(i).body());
        }
    }

    @Test
    void thePackedSizeIsWhatSizeSays() {
        List<Entry> entries = List.of(entry(1, 1, "{\"a\":1}"), entry(1, 2, "{\"a\":22}"));
        assertThat(TelemetryBatch.pack(entries)).hasSize(TelemetryBatch.size(entries.stream().map(Entry::body).toList()));
    }

    @Test
    void aBatchIsFullAtItsReadingOrByteLimit() {
        byte[] small = new byte[10];
        assertThat(TelemetryBatch.fits(TelemetryBatch.MAX_READINGS - 1, 100, small)).isTrue();
        assertThat(TelemetryBatch.fits(TelemetryBatch.MAX_READINGS, 100, small)).isFalse();
        assertThat(TelemetryBatch.fits(1, TelemetryBatch.MAX_BYTES - 30, small)).isTrue();
        assertThat(TelemetryBatch.fits(1, TelemetryBatch.MAX_BYTES - 29, small)).isFalse();
    }

    @Test
    void itemsAreCutInOrderIntoRunsThatEachFitABatchAndAnOversizedBodyStandsAlone() {
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < TelemetryBatch.MAX_READINGS + 3; i++) {
            bodies.add(new byte[10]);
        }
        bodies.add(new byte[TelemetryBatch.MAX_BYTES]);
        bodies.add(new byte[10]);
        List<List<byte[]>> runs = TelemetryBatch.cut(bodies, body -> body);
        assertThat(runs).extracting(List::size).containsExactly(TelemetryBatch.MAX_READINGS, 3, 1, 1);
        assertThat(runs.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(bodies);
        assertThat(runs.subList(0, 2)).allSatisfy(run -> assertThat(TelemetryBatch.size(run)).isLessThanOrEqualTo(TelemetryBatch.MAX_BYTES));
        assertThat(TelemetryBatch.cut(List.<byte[]>of(), body -> body)).isEmpty();
    }

    @Test
    void aCutShortOrForeignPayloadIsRefusedWithItsReason() {
        byte[] packed = TelemetryBatch.pack(List.of(entry(1, 1, "{\"a\":1}"), entry(1, 2, "{\"a\":2}")));
        assertThatThrownBy(() -> TelemetryBatch.unpack(Arrays.copyOf(packed, packed.length - 1)))
                .isInstanceOf(MalformedMessage.class).hasMessage("telemetry batch is cut short after 1 readings");
        assertThatThrownBy(() -> TelemetryBatch.unpack(Arrays.copyOf(packed, 10)))
                .isInstanceOf(MalformedMessage.class).hasMessage("telemetry batch is cut short after 0 readings");
        assertThatThrownBy(() -> TelemetryBatch.unpack("{\"ts\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class).hasMessage("telemetry batch is not of version 1");
        assertThatThrownBy(() -> TelemetryBatch.unpack(new byte[] {1}))
                .isInstanceOf(MalformedMessage.class).hasMessage("telemetry batch holds no reading");
        assertThatThrownBy(() -> TelemetryBatch.unpack(new byte[0])).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void aLengthPointingPastTheEndOrBelowZeroIsRefused() {
        byte[] packed = TelemetryBatch.pack(List.of(entry(1, 1, "{\"a\":1}")));
        packed[17] = (byte) 0x80;
        assertThatThrownBy(() -> TelemetryBatch.unpack(packed)).isInstanceOf(MalformedMessage.class);
        packed[17] = 0;
        packed[20] = 100;
        assertThatThrownBy(() -> TelemetryBatch.unpack(packed)).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void aBatchIdNamesItsRangeAndNeverASingleReadingsId() {
        assertThat(MeshHeaders.batchId("truck-1", 1733, 7, 13)).isEqualTo("truck-1:1733:7-13");
        assertThat(MeshHeaders.batchId("truck-1", 1733, 7, 13)).isNotEqualTo(MeshHeaders.messageId("truck-1", 1733, 7));
    }

    private static Entry entry(long epoch, long seq, String body) {
        return new Entry(epoch, seq, body.getBytes(StandardCharsets.UTF_8));
    }
}
