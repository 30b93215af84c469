package io.fleetmesh.api.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV in UTF-8 (with a byte order mark, so that spreadsheets read accents right), a header row first. */
final class CsvTable implements TableWriter {

    private final CSVPrinter printer;
    private final ReportLayout layout;

    CsvTable(OutputStream out, ReportLayout layout) throws IOException {
        this.layout = layout;
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(layout.headers());
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int column = 0; column < values.length; column++) {
            printer.print(defused(layout.columns().get(column), layout.text(column, values[column])));
        }
        printer.println();
    }

    /** Text a spreadsheet would run as a formula (=, +, -, @ first: OWASP's CSV injection) is quoted to stay text. */
    private static String defused(Column column, String text) {
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        return column.cell() == Cell.TEXT && formula ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
