package io.fleetmesh.api.taps;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes exported rows as CSV (Apache Commons CSV) or Parquet (parquet-java, ZSTD); the same columns in both. */
final class ExportWriters {

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message tap_message {
              required int64 stream_seq;
              required int64 published_at (TIMESTAMP(MILLIS, true));
              required binary subject (STRING);
              required binary device (STRING);
              required binary channel (STRING);
              required binary payload (STRING);
            }""");
    private static final String[] HEADER = {"stream_seq", "published_at", "subject", "device", "channel", "payload"};

    private ExportWriters() {
    }

    static void write(ExportFormat format, List<ExportRow> rows, Path file) throws IOException {
        if (format == ExportFormat.CSV) {
            csv(rows, file);
        } else {
            parquet(rows, file);
        }
    }

    private static void csv(List<ExportRow> rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (ExportRow row : rows) {
                printer.printRecord(row.streamSequence(), row.publishedAt(), row.subject(), row.device(), row.channel(),
                        row.payload());
            }
        }
    }

    private static void parquet(List<ExportRow> rows, Path file) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(SCHEMA)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.ZSTD).build()) {
            for (ExportRow row : rows) {
                writer.write(groups.newGroup().append("stream_seq", row.streamSequence())
                        .append("published_at", row.publishedAt().toEpochMilli()).append("subject", row.subject())
                        .append("device", row.device()).append("channel", row.channel()).append("payload", row.payload()));
            }
        }
    }
}
