package io.fleetmesh.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The events report's merge of each feature's time-ordered events. */
class EventsReportTest {

    @Test
    void orderedStreamsMergeIntoOneInTimeThenDeviceOrder() {
        Stream<ReportEvent> alerts = Stream.of(event(1, "b"), event(3, "a"), event(5, "a"));
        Stream<ReportEvent> commands = Stream.of(event(1, "a"), event(2, "a"), event(6, "c"));
        Stream<ReportEvent> none = Stream.empty();

        List<String> merged = EventsReport.merged(List.of(alerts, none, commands))
                .map(event -> event.at().getEpochSecond() + event.deviceId()).toList();

        assertThat(merged).containsExactly("1a", "1b", "2a", "3a", "5a", "6c");
    }

    @Test
    void closingTheMergeClosesEverySource() {
        AtomicInteger closed = new AtomicInteger();
        Stream<ReportEvent> first = Stream.of(event(1, "a")).onClose(closed::incrementAndGet);
        Stream<ReportEvent> second = Stream.of(event(2, "a")).onClose(closed::incrementAndGet);

        try (Stream<ReportEvent> merged = EventsReport.merged(List.of(first, second))) {
            assertThat(merged.limit(1).count()).isEqualTo(1);
        }

        assertThat(closed).hasValue(2);
    }

    private static ReportEvent event(long second, String device) {
        return new ReportEvent(Instant.ofEpochSecond(second), device, "alert", "info", "");
    }
}
