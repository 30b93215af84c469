package io.fleetmesh.api.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.util.List;

/**
 * A printable report (OpenPDF): A4 landscape, the header row on every page, rows handed to the document every
 * {@link #FLUSH} rows so that its pages are written as they fill. Print is for reading: after {@link #MOST} rows the
 * document says where the rest is (CSV and XLSX have every row).
 */
final class PdfTable implements TableWriter {

    static final int MOST = 10_000;
    private static final int FLUSH = 200;
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEADER = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 7);

    private final Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
    private final ReportLayout layout;
    private final PdfPTable table;
    private int rows;

    PdfTable(OutputStream out, ReportLayout layout) {
        this.layout = layout;
        PdfWriter.getInstance(document, out).setCloseStream(false);
        document.open();
        document.add(new Paragraph(layout.title(), TITLE));
        document.add(new Paragraph(layout.covering(), BODY));
        table = header(layout.headers(), widths(layout.columns()));
    }

    @Override
    public void row(Object[] values) {
        if (++rows > MOST) {
            return;
        }
        for (int column = 0; column < values.length; column++) {
            table.addCell(cell(layout.text(column, values[column]), BODY, number(column)));
        }
        if (rows % FLUSH == 0) {
            document.add(table);
        }
    }

    @Override
    public void close() {
        table.setComplete(true);
        document.add(table);
        if (rows > MOST) {
            document.add(new Paragraph("The first " + MOST + " of " + rows + " rows: export CSV or XLSX for all.", BODY));
        }
        if (rows == 0) {
            document.add(new Paragraph("Nothing in this period.", BODY));
        }
        document.close();
    }

    private static PdfPTable header(List<String> headers, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setComplete(false);
        headers.forEach(title -> table.addCell(cell(title, HEADER, false)));
        table.setHeaderRows(1);
        return table;
    }

    /** Relative widths: a time or a name fits on one line, numbers take what is left. */
    private static float[] widths(List<Column> columns) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            Cell cell = columns.get(i).cell();
            widths[i] = cell == Cell.TIME ? 2.2f : cell == Cell.TEXT ? 1.8f : cell == Cell.COORDINATE ? 1.2f : 1f;
        }
        return widths;
    }

    private boolean number(int column) {
        Cell cell = layout.columns().get(column).cell();
        return cell != Cell.TEXT && cell != Cell.TIME && cell != Cell.DAY;
    }

    private static PdfPCell cell(String text, Font font, boolean number) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(2);
        return cell;
    }
}
