package io.convene.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PDF (PDFBox) with the chart on its first page and the rows as a table on the pages after,
 * written page by page into a temporary-file cache (not memory). The chart is drawn from the rows
 * for all departments, which are kept (one per period); it becomes the first page once they are
 * all known. Text is in DejaVu Sans when the system has it, so any department name prints.
 */
final class PdfUsageWriter implements UsageWriter {

    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float LINE = 14;
    private static final float SIZE = 8.5f;
    private static final float[] WIDTHS = {58, 62, 196, 62, 56, 66, 74, 62, 68, 66};
    private static final String[] HEADERS = {"Period", "Starts", "Department", "Active users", "Meetings",
            "Meeting min.", "Participant min.", "Messages", "Peak meetings", "Peak people"};
    private static final List<Path> FONT_FILES = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"));

    private final UsageQuery query;
    private final OutputStream out;
    private final PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PDFont font;
    private final List<UsageRow> everyone = new ArrayList<>();
    private PDPageContentStream page;
    private float y;
    private int pages;

    PdfUsageWriter(UsageQuery query, OutputStream out) throws IOException {
        this.query = query;
        this.out = out;
        this.font = font(doc);
    }

    @Override
    public void row(UsageRow r) throws IOException {
        if (r.everyone()) {
            everyone.add(r);
        }
        if (page == null || y < MARGIN + LINE) {
            newPage();
        }
        List<String> cells = new ArrayList<>(List.of(query.period().label(r.period()), r.period().toString(),
                fit(r.departmentLabel(), WIDTHS[2] - 6)));
        for (long f : UsageWriter.figures(r)) {
            cells.add(Long.toString(f));
        }
        line(cells.toArray(String[]::new));
    }

    @Override
    public void finish() throws IOException {
        if (page == null) {
            newPage();
        }
        page.close();
        PDPage chartPage = new PDPage(A4_LANDSCAPE);
        try (PDPageContentStream cs = new PDPageContentStream(doc, chartPage)) {
            float top = A4_LANDSCAPE.getHeight() - MARGIN;
            text(cs, MARGIN, top - 16, 16, "Convene usage report");
            text(cs, MARGIN, top - 36, 10, "By " + query.period().name().toLowerCase() + ", " + query.from() + " to "
                    + query.to().minusDays(1) + " (UTC); " + pages + " page(s) of figures follow.");
            if (!everyone.isEmpty()) {
                float width = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
                float height = top - 56 - MARGIN;
                BufferedImage chart = UsageChart.draw(query, everyone, Math.round(width * 2), Math.round(height * 2));
                PDImageXObject image = LosslessFactory.createFromImage(doc, chart);
                cs.drawImage(image, MARGIN, MARGIN, width, height);
            }
        }
        doc.getPages().insertBefore(chartPage, doc.getPage(0));
        doc.save(out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(A4_LANDSCAPE);
        doc.addPage(p);
        pages++;
        page = new PDPageContentStream(doc, p);
        y = A4_LANDSCAPE.getHeight() - MARGIN;
        line(HEADERS);
        page.moveTo(MARGIN, y + LINE - 4);
        page.lineTo(A4_LANDSCAPE.getWidth() - MARGIN, y + LINE - 4);
        page.stroke();
    }

    /** One table line: the first three columns left-aligned, the figures right-aligned. */
    private void line(String[] cells) throws IOException {
        y -= LINE;
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            String cell = printable(cells[i]);
            float at = i < 3 ? x : x + WIDTHS[i] - 4 - width(cell, SIZE);
            text(page, at, y, SIZE, cell);
            x += WIDTHS[i];
        }
    }

    private void text(PDPageContentStream cs, float x, float atY, float size, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, atY);
        cs.showText(printable(text));
        cs.endText();
    }

    private String fit(String text, float max) throws IOException {
        String t = printable(text);
        if (width(t, SIZE) <= max) {
            return t;
        }
        while (!t.isEmpty() && width(t + "...", SIZE) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** What the font cannot show becomes "?" (only with the built-in Helvetica). */
    private String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                b.append(s);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static PDFont font(PDDocument doc) throws IOException {
        for (Path file : FONT_FILES) {
            if (Files.isReadable(file)) {
                return PDType0Font.load(doc, file.toFile());
            }
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }
}
