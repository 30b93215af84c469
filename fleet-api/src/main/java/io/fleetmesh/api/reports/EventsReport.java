package io.fleetmesh.api.reports;

import static io.fleetmesh.api.reports.Column.of;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * The events report: alerts, geofence crossings and commands of the period in time order, merged from each feature's
 * ordered stream as they are read (none is held whole).
 */
@Component
class EventsReport implements ReportSource {

    static final Comparator<ReportEvent> ORDER = Comparator.comparing(ReportEvent::at).thenComparing(ReportEvent::deviceId);
    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT), of("at", "Time", Cell.TIME),
            of("type", "Event", Cell.TEXT), of("severity", "Severity", Cell.TEXT), of("detail", "Detail", Cell.TEXT));

    private final List<EventSource> sources;

    EventsReport(List<EventSource> sources) {
        this.sources = sources;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.EVENTS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        List<Stream<ReportEvent>> streams = sources.stream().map(source -> source.events(query)).toList();
        return merged(streams).limit(query.limit()).map(ReportEvent::row);
    }

    /** The ordered streams as one ordered stream; closing it closes them all. */
    static Stream<ReportEvent> merged(List<Stream<ReportEvent>> streams) {
        Iterator<ReportEvent> merge = new Merge(streams.stream().map(Stream::iterator).toList());
        Stream<ReportEvent> merged = StreamSupport.stream(Spliterators.spliteratorUnknownSize(merge, Spliterator.ORDERED), false);
        return merged.onClose(() -> streams.forEach(Stream::close));
    }

    /** Takes the earliest of the streams' next events each time. */
    private static final class Merge implements Iterator<ReportEvent> {

        private final List<Iterator<ReportEvent>> sources;
        private final List<ReportEvent> heads = new ArrayList<>();

        Merge(List<Iterator<ReportEvent>> sources) {
            this.sources = sources;
            sources.forEach(source -> heads.add(source.hasNext() ? source.next() : null));
        }

        @Override
        public boolean hasNext() {
            return heads.stream().anyMatch(head -> head != null);
        }

        @Override
        public ReportEvent next() {
            int earliest = -1;
            for (int i = 0; i < heads.size(); i++) {
                if (heads.get(i) != null && (earliest < 0 || ORDER.compare(heads.get(i), heads.get(earliest)) < 0)) {
                    earliest = i;
                }
            }
            if (earliest < 0) {
                throw new NoSuchElementException();
            }
            ReportEvent next = heads.get(earliest);
            heads.set(earliest, sources.get(earliest).hasNext() ? sources.get(earliest).next() : null);
            return next;
        }
    }
}
