package io.convene.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same report written as CSV, XLSX and PDF, each read back (by hand, with POI, with PDFBox's
 * text extraction) to the rows the query gave. The rows are those of the scripted week in
 * {@link OrganisationUsageTest} plus a department whose name needs quoting and Unicode.
 */
class UsageExportsTest {

    static final UsageQuery QUERY = new UsageQuery(UsageQuery.Period.DAY, OrganisationUsageTest.MONDAY,
            OrganisationUsageTest.MONDAY.plusDays(3));
    static List<UsageRow> rows;

    @BeforeAll
    static void readTheWeek() {
        OrganisationUsageTest.scriptAWeek();
        rows = new ArrayList<>(OrganisationUsageTest.read(QUERY));
        rows.add(new UsageRow(QUERY.to().minusDays(1), "=Ventes, \"Süd\" – Zürich", 1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void csvHasAHeaderAndALinePerRow() throws IOException {
        String csv = new String(write(ReportFormat.CSV), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();

        assertThat(lines.get(0)).isEqualTo(String.join(",", UsageWriter.COLUMNS));
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(lines.get(1)).isEqualTo("2020-03-02,2020-03-02,All departments,4,3,225,280,4,2,4");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2020-03-04,2020-03-04,\"'=Ventes, \"\"Süd\"\" – Zürich\",1,2,3,4,5,6,7");
    }

    @Test
    void xlsxHoldsTheRowsAsDatesAndNumbers() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(ReportFormat.XLSX)))) {
            Sheet sheet = book.getSheet("Usage");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(i + 1);
                UsageRow expected = rows.get(i);
                assertThat(row.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected.period());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(expected.departmentLabel());
                long[] figures = new long[7];
                for (int f = 0; f < figures.length; f++) {
                    figures[f] = (long) row.getCell(3 + f).getNumericCellValue();
                }
                assertThat(figures).containsExactly(UsageWriter.figures(expected));
            }
            assertThat(book.getSheet("About").getRow(1).getCell(1).getStringCellValue()).isEqualTo("2020-03-02");
        }
    }

    @Test
    void pdfStartsWithTheChartAndItsTextGivesTheRowsBack() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(ReportFormat.PDF))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).as("the chart's image").hasSize(1);
            PDFTextStripper text = new PDFTextStripper();
            text.setSortByPosition(true);
            text.setStartPage(1);
            text.setEndPage(1);
            assertThat(text.getText(pdf)).contains("Convene usage report").contains("2020-03-02 to 2020-03-04");
            text.setStartPage(2);
            text.setEndPage(2);
            Pattern line = Pattern.compile("(\\S+) (\\d{4}-\\d{2}-\\d{2}) (.+?) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)");
            List<UsageRow> read = new ArrayList<>();
            for (String l : text.getText(pdf).lines().toList()) {
                Matcher m = line.matcher(l.strip());
                if (m.matches()) {
                    String department = m.group(3);
                    read.add(new UsageRow(LocalDate.parse(m.group(2)), department.equals(UsageRow.EVERYONE) ? null
                            : department.equals(UsageRow.NO_DEPARTMENT) ? "" : department,
                            Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
                            Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9)),
                            Long.parseLong(m.group(10))));
                }
            }
            assertThat(read).containsExactlyElementsOf(rows);
        }
    }

    @Test
    void theChartIsDrawnForAnyNumberOfPeriods() {
        List<UsageRow> year = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2020, 1, 1); d.getYear() == 2020; d = d.plusDays(1)) {
            year.add(new UsageRow(d, null, d.getDayOfMonth(), 1, 1, 1, 1, 1, 1));
        }
        assertThat(UsageChart.draw(new UsageQuery(UsageQuery.Period.DAY, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)),
                year, 800, 400).getWidth()).isEqualTo(800);
    }

    private static byte[] write(ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (UsageWriter writer = UsageWriter.of(format, QUERY, out)) {
            for (UsageRow r : rows) {
                writer.row(r);
            }
            writer.finish();
        }
        return out.toByteArray();
    }
}
