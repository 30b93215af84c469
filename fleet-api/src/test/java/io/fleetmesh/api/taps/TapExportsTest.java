package io.fleetmesh.api.taps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.api.PublishAck;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Exports from taps, written by fleet-api against real PostgreSQL and nats-server, read back with parquet-java's
 * and Commons CSV's readers: the rows are the readings PostgreSQL stored, one file per hour named by its sequences,
 * and a batch that comes again (its acknowledgements lost) writes nothing twice.
 */
class TapExportsTest extends IntegrationTest {

    @Autowired
    private TapExporter exporter;

    @Autowired
    private TapStore store;

    @Autowired
    private MeshLinks links;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aParquetExportReadBackEqualsTheStoredRowsAndARetriedBatchWritesNothingTwice() throws Exception {
        String device = uniqueId("export-pq");
        createDevice(device);
        create(device, "parquet");
        List<PublishAck> first = publish(device, 0, 40);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(device).size() == 40);

        assertThat(export(device)).isEqualTo(40);
        List<Path> files = files(device);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).isEqualTo(ExportStore.name(first.get(0).getSeqno(),
                first.get(39).getSeqno(), ExportFormat.PARQUET));
        assertThat(parquet(files.get(0))).isEqualTo(stored(device));

        // the acknowledgements lost: the same messages come again, and ten new ones with them
        List<PublishAck> more = publish(device, 40, 10);
        postJson("/api/v1/taps/" + device + "/reset", "{\"sequence\": %d}".formatted(first.get(0).getSeqno()));
        assertThat(export(device)).as("only the ten new ones written").isEqualTo(10);
        assertThat(files(device)).hasSize(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(device).size() == 50);
        List<String> exported = new ArrayList<>();
        for (Path file : files(device)) {
            exported.addAll(parquet(file));
        }
        assertThat(exported).containsExactlyElementsOf(stored(device));
        assertThat(get("/api/v1/taps/" + device + "/exports").json().get(0).get("toSequence").longValue())
                .isEqualTo(more.get(9).getSeqno());
        assertThat(export(device)).as("nothing left").isZero();
    }

    @Test
    void aCsvExportHoldsTheSameColumnsAndAnExportingTapHasNoReaderCredentials() throws Exception {
        String device = uniqueId("export-csv");
        createDevice(device);
        JsonNode created = create(device, "csv");
        assertThat(created.get("tap").get("export").stringValue()).isEqualTo("csv");
        publish(device, 0, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(device).size() == 5);
        assertThat(export(device)).isEqualTo(5);
        try (Reader reader = Files.newBufferedReader(files(device).get(0), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            assertThat(records).hasSize(5);
            assertThat(records.get(0).get("device")).isEqualTo(device);
            assertThat(records.get(0).get("channel")).isEqualTo("reefer");
            assertThat(records.get(0).get("payload")).isEqualTo("{\"ts\": \"2026-12-07T08:00:00Z\", \"temp\": 0}");
        }
        assertThat(postJson("/api/v1/taps/" + device + "/credentials", "").status()).isEqualTo(409);
    }

    private JsonNode create(String device, String format) {
        Response created = send("POST", "/api/v1/taps", """
                {"name": "%s", "source": "telemetry", "filter": "fleet.%s.telemetry.>", "start": "all", "export": "%s"}"""
                .formatted(device, device, format), MediaType.APPLICATION_JSON);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private int export(String device) {
        return exporter.exportLocked(links.of(CurrentTenant.DEFAULT).orElseThrow(),
                store.find(CurrentTenant.DEFAULT, device).orElseThrow());
    }

    private List<PublishAck> publish(String device, int from, int readings) throws Exception {
        List<PublishAck> acks = new ArrayList<>();
        for (int i = from; i < from + readings; i++) {
            acks.add(nats.jetStream().publish(Subjects.telemetry(device, "reefer"), ("{\"ts\": \"2026-12-07T08:%02d:%02dZ\","
                    .formatted(i / 60, i % 60) + " \"temp\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return acks;
    }

    /** PostgreSQL's rows of the device as device, channel, time and temperature, in time order. */
    private List<String> stored(String device) {
        return jdbc.queryForList("SELECT device_id || ' ' || channel || ' '"
                + " || to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ' ' || (metrics->>'temp')"
                + " FROM telemetry WHERE device_id = ? ORDER BY ts", String.class, device);
    }

    /** The same of a Parquet file's rows, the time and temperature read from each payload. */
    private static List<String> parquet(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file),
                new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                JsonNode payload = json.readTree(row.getString("payload", 0));
                rows.add(row.getString("device", 0) + " " + row.getString("channel", 0) + " "
                        + payload.get("ts").stringValue() + " " + payload.get("temp").asString());
            }
        }
        return rows;
    }

    private static List<Path> files(String device) throws Exception {
        try (Stream<Path> files = Files.walk(infrastructure.exports().resolve(CurrentTenant.DEFAULT + "/" + device))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
