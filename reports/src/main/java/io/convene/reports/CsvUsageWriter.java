package io.convene.reports;

import io.convene.shared.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** RFC 4180 CSV in UTF-8, a line per row as it comes. */
final class CsvUsageWriter implements UsageWriter {

    private final UsageQuery query;
    private final Writer out;

    CsvUsageWriter(UsageQuery query, OutputStream out) throws IOException {
        this.query = query;
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        line(COLUMNS.toArray(String[]::new));
    }

    @Override
    public void row(UsageRow r) throws IOException {
        String[] cells = new String[COLUMNS.size()];
        cells[0] = query.period().label(r.period());
        cells[1] = r.period().toString();
        cells[2] = r.departmentLabel();
        long[] figures = UsageWriter.figures(r);
        for (int i = 0; i < figures.length; i++) {
            cells[3 + i] = Long.toString(figures[i]);
        }
        line(cells);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void line(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(Csv.cell(cells[i]));
        }
        out.write("\r\n");
    }
}
