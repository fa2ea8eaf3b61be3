package io.convene.reports;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written with POI's streaming SXSSF: only the last 100 rows are in memory, the
 * rest already in a temporary file. Sheet "Usage" holds the rows, sheet "About" what was asked.
 */
final class XlsxUsageWriter implements UsageWriter {

    private static final int ROWS_IN_MEMORY = 100;

    private final UsageQuery query;
    private final OutputStream out;
    private final SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private final CellStyle date;
    private int next;

    XlsxUsageWriter(UsageQuery query, OutputStream out) {
        this.query = query;
        this.out = out;
        book.setCompressTempFiles(true);
        Sheet about = book.createSheet("About");
        String[][] lines = {{"Report", "Convene usage by " + query.period().name().toLowerCase()},
                {"From (UTC)", query.from().toString()}, {"To (UTC, exclusive)", query.to().toString()}};
        for (int i = 0; i < lines.length; i++) {
            Row row = about.createRow(i);
            row.createCell(0).setCellValue(lines[i][0]);
            row.createCell(1).setCellValue(lines[i][1]);
        }
        sheet = book.createSheet("Usage");
        book.setActiveSheet(1);
        date = book.createCellStyle();
        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(next++);
        for (int i = 0; i < COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(COLUMNS.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(UsageRow r) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(query.period().label(r.period()));
        row.createCell(1).setCellValue(r.period());
        row.getCell(1).setCellStyle(date);
        row.createCell(2).setCellValue(r.departmentLabel());
        long[] figures = UsageWriter.figures(r);
        for (int i = 0; i < figures.length; i++) {
            row.createCell(3 + i).setCellValue(figures[i]);
        }
    }

    @Override
    public void finish() throws IOException {
        book.write(out);
    }

    @Override
    public void close() throws IOException {
        book.close(); // removes the temporary files
    }
}
