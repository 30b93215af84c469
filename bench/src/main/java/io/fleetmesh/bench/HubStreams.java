package io.fleetmesh.bench;

import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.Source;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hub streams that receive the trucks' readings in the sync benchmark, one set per mode. */
final class HubStreams {

    private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");

    private final List<String> names;
    private final boolean sourcing;

    private HubStreams(List<String> names, boolean sourcing) {
        this.names = names;
        this.sourcing = sourcing;
    }

    /** As fleet-api creates them: the forwarders publish into subject-capturing streams. */
    static HubStreams forwarding(Connection admin) throws Exception {
        JetStreamManagement jsm = admin.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name("TELEMETRY").subjects(Subjects.ALL_TELEMETRY)
                .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
        jsm.addStream(StreamConfiguration.builder().name("EVENTS").subjects(Subjects.ALL_EVENTS)
                .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
        return new HubStreams(List.of("TELEMETRY"), false);
    }

    /** Aggregate streams, each sourcing the outboxes of {@code perStream} trucks across their JetStream domains. */
    static HubStreams sourcing(Connection admin, List<String> ids, int perStream) throws Exception {
        HubStreams streams = new HubStreams(new ArrayList<>(), true);
        streams.addSources(admin, ids, perStream);
        return streams;
    }

    private void addSources(Connection admin, List<String> ids, int perStream) throws Exception {
        JetStreamManagement jsm = admin.jetStreamManagement();
        for (int first = 0; first < ids.size(); first += perStream) {
            List<Source> sources = ids.subList(first, Math.min(ids.size(), first + perStream)).stream()
                    .map(id -> Source.builder().sourceName("OUTBOX").domain(id).startSeq(1).build()).toList();
            String name = "SYNC-" + names.size();
            jsm.addStream(StreamConfiguration.builder().name(name).storageType(StorageType.File).sources(sources).build());
            names.add(name);
        }
    }

    /** Trucks registered but never connected: with sourcing, each is a source the hub keeps trying to reach. */
    void registerAbsent(Connection admin, int count, int perStream) throws Exception {
        if (sourcing) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add("absent-%04d".formatted(i));
            }
            addSources(admin, ids, perStream);
        }
    }

    long storedTelemetry(Connection admin) throws Exception {
        JetStreamManagement jsm = admin.jetStreamManagement();
        long stored = 0;
        for (String name : names) {
            List<Subject> subjects = jsm.getStreamInfo(name, StreamInfoOptions.filterSubjects(Subjects.ALL_TELEMETRY))
                    .getStreamState().getSubjects();
            stored += subjects == null ? 0 : subjects.stream().mapToLong(Subject::getCount).sum();
        }
        return stored;
    }

    /** Sensor timestamp to the hub stream's store time, for the readings sent in [from, to). */
    String latency(Connection admin, long from, long to) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (String name : names) {
            collect(admin, name, from, to, millis);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%,d readings)".formatted(sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1], sorted.length);
    }

    private static void collect(Connection admin, String stream, long from, long to, List<Double> millis)
            throws Exception {
        PushSubscribeOptions options = PushSubscribeOptions.builder().stream(stream).ordered(true)
                .configuration(ConsumerConfiguration.builder().filterSubject(Subjects.ALL_TELEMETRY)
                        .deliverPolicy(DeliverPolicy.ByStartTime)
                        .startTime(Instant.ofEpochMilli(from - 5_000).atZone(ZoneOffset.UTC)).build())
                .build();
        JetStreamSubscription subscription = admin.jetStream().subscribe(Subjects.ALL_TELEMETRY, options);
        try {
            Message message;
            while ((message = subscription.nextMessage(Duration.ofSeconds(5))) != null) {
                long sent = sentAt(message);
                if (sent >= from && sent < to) {
                    Instant stored = message.metaData().timestamp().toInstant();
                    millis.add((stored.toEpochMilli() - sent) + stored.getNano() % 1_000_000 / 1e6);
                }
                if (message.metaData().pendingCount() == 0) {
                    break;
                }
            }
        } finally {
            subscription.unsubscribe();
        }
    }

    private static long sentAt(Message message) {
        Matcher ts = TS.matcher(new String(message.getData(), StandardCharsets.UTF_8));
        return ts.find() ? Long.parseLong(ts.group(1)) : -1;
    }
}
