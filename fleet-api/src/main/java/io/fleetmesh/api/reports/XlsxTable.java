package io.fleetmesh.api.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written as rows come (POI's SXSSF keeps {@link #WINDOW} rows in memory, the rest in a compressed
 * temporary file): typed cells (times as dates in the operator's zone, durations as [h]:mm:ss), a frozen header row,
 * a new sheet every {@link #ROWS_A_SHEET} rows (Excel's limit is 1,048,576).
 */
final class XlsxTable implements TableWriter {

    static final int ROWS_A_SHEET = 1_000_000;
    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final OutputStream out;
    private final ReportLayout layout;
    private final CellStyle[] styles;
    private Sheet sheet;
    private int rows;

    XlsxTable(OutputStream out, ReportLayout layout) {
        this.out = out;
        this.layout = layout;
        workbook.setCompressTempFiles(true);
        styles = layout.columns().stream().map(this::style).toArray(CellStyle[]::new);
    }

    @Override
    public void row(Object[] values) {
        if (sheet == null || rows == ROWS_A_SHEET) {
            newSheet();
        }
        Row row = sheet.createRow(++rows);
        for (int column = 0; column < values.length; column++) {
            cell(row, column, values[column]);
        }
    }

    @Override
    public void close() throws IOException {
        if (sheet == null) {
            newSheet();
        }
        try (workbook) {
            workbook.write(out);
        }
    }

    private void cell(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellStyle(styles[column]);
        Column kind = layout.columns().get(column);
        switch (kind.cell()) {
            case TEXT -> cell.setCellValue(value.toString());
            case TIME -> cell.setCellValue(layout.presentation().local((Instant) value));
            case DAY -> cell.setCellValue((LocalDate) value);
            case DURATION -> cell.setCellValue(((Number) value).doubleValue() / 86_400);
            default -> cell.setCellValue(layout.presentation().number(kind, value));
        }
    }

    private void newSheet() {
        String name = layout.title() + (workbook.getNumberOfSheets() == 0 ? "" : " " + (workbook.getNumberOfSheets() + 1));
        sheet = workbook.createSheet(name);
        sheet.createFreezePane(0, 1);
        Row header = sheet.createRow(0);
        CellStyle bold = bold();
        List<String> headers = layout.headers();
        for (int column = 0; column < headers.size(); column++) {
            org.apache.poi.ss.usermodel.Cell cell = header.createCell(column);
            cell.setCellValue(headers.get(column));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(column, Math.max(12, headers.get(column).length() + 2) * 256);
        }
        rows = 0;
    }

    private CellStyle bold() {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private CellStyle style(Column column) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format(column.cell())));
        return style;
    }

    private static String format(Cell cell) {
        return switch (cell) {
            case TIME -> "yyyy-mm-dd hh:mm:ss";
            case DAY -> "yyyy-mm-dd";
            case DURATION -> "[h]:mm:ss";
            case COORDINATE -> "0.000000";
            case COUNT -> "0";
            case TEXT -> "@";
            default -> "0.00";
        };
    }
}
