package io.fleetmesh.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static final ReportLayout LAYOUT = new ReportLayout("Events", "", List.of(
            Column.of("detail", "Detail", Cell.TEXT), Column.of("at", "Time", Cell.TIME),
            Column.of("distance", "Distance", Cell.DISTANCE)), new Presentation(ZoneId.of("UTC"), Units.METRIC));

    @Test
    void textASpreadsheetWouldRunAsAFormulaStaysTextAndNumbersStayNumbers() throws Exception {
        String csv = written(new Object[] {"=HYPERLINK(\"http://evil\")", Instant.parse("2026-12-06T10:00:00Z"), -1500.0},
                new Object[] {"@SUM(A1)", null, 0.0}, new Object[] {"door, \"rear\" open", null, null});

        assertThat(csv).isEqualTo("\uFEFFDetail,Time (UTC),Distance (km)\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",2026-12-06 10:00:00,-1.50\r\n"
                + "'@SUM(A1),,0.00\r\n"
                + "\"door, \"\"rear\"\" open\",,\r\n");
    }

    private static String written(Object[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTable table = new CsvTable(out, LAYOUT)) {
            for (Object[] row : rows) {
                table.row(row);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
