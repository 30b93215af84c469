package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.InvalidInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a device CSV: a header with {@code id,name,kind} and optionally {@code tags} (separated by {@code ;}), then
 * one device per row. A row that cannot become a device is reported with its line, never skipped silently.
 */
final class CsvDevices {

    static final int MAX_ROWS = 50_000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    /** A row read: the device it describes, or, if the row is malformed, why. */
    record Row(long line, NewDevice device, String problem) {
    }

    private CsvDevices() {
    }

    /** The rows; InvalidInput if the file cannot be read as a device CSV at all. */
    static List<Row> read(String csv) {
        try (CSVParser parser = parser(csv)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(List.of("id", "name", "kind"))) {
                throw new InvalidInput("The header must name the columns id, name, kind (and optionally tags).");
            }
            return rows(parser, header.contains("tags"));
        } catch (IOException | IllegalStateException | UncheckedIOException malformed) {
            // commons-csv reports a malformed header as an IOException, a malformed record as an unchecked one whose
            // own message is its cause's class and message: the client gets the cause's message only
            Throwable reason = malformed instanceof UncheckedIOException unchecked ? unchecked.getCause() : malformed;
            throw new InvalidInput("The CSV is malformed: " + reason.getMessage());
        }
    }

    /** commons-csv refuses a header with an empty or a repeated column name with an IllegalArgumentException. */
    private static CSVParser parser(String csv) throws IOException {
        try {
            return FORMAT.parse(new StringReader(withoutByteOrderMark(csv)));
        } catch (IllegalArgumentException badHeader) {
            throw new InvalidInput("The CSV is malformed: " + badHeader.getMessage());
        }
    }

    private static List<Row> rows(CSVParser parser, boolean withTags) {
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : parser) {
            if (rows.size() == MAX_ROWS) {
                throw new InvalidInput("At most " + MAX_ROWS + " devices per import.");
            }
            rows.add(row(record, withTags));
        }
        return rows;
    }

    /** Spreadsheets save "CSV UTF-8" with a byte order mark, which would become part of the first column's name. */
    private static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }

    private static Row row(CSVRecord record, boolean withTags) {
        long line = record.getParser().getCurrentLineNumber();
        if (!record.isConsistent()) {
            return new Row(line, null, "expected " + record.getParser().getHeaderNames().size() + " fields, found " + record.size());
        }
        List<String> tags = withTags && !record.get("tags").isBlank()
                ? Arrays.stream(record.get("tags").split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList()
                : List.of();
        return new Row(line, new NewDevice(record.get("id"), record.get("name"), record.get("kind"), tags), null);
    }
}
