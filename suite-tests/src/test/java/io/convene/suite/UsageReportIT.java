package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Organisation-wide usage reports through the API: a meeting of two newcomers and the host shows
 * in today's figures; the CSV, XLSX and PDF of the same report read back (by hand, with POI, with
 * PDFBox) to the same rows; progress reaches 100 %; only administrators and compliance officers ask,
 * bad requests write nothing, and asking and downloading are audited.
 */
class UsageReportIT extends SignedInPeople {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Pattern PDF_LINE = Pattern.compile("(\\S+) (\\d{4}-\\d{2}-\\d{2}) (.+?)((?: \\d+){7})");

    @Test
    void aMeetingShowsInTodaysFiguresAndEveryFormatReadsBackTheSame() throws Exception {
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        List<String> before = everyoneToday(rows("CSV", download(admin, ready(admin, "CSV"))));

        String ines = newcomer("ines");
        String omar = newcomer("omar");
        Reply m = Meetings.schedule(host, Meetings.with(draft("Counted in the usage report"),
                "settings", Map.of("joinBeforeHost", true)));
        String base = "/api/meetings/" + m.text("id");
        assertThat(api().post(base + "/join", host, Map.of()).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + m.text("code") + "/join", ines, Map.of()).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + m.text("code") + "/join", omar, Map.of()).status()).isEqualTo(200);
        api().post(base + "/chat/send", ines, Map.of("clientMessageId", "ur-1", "text", "hello"));
        api().post(base + "/chat/send", omar, Map.of("clientMessageId", "ur-2", "text", "hi"));
        Thread.sleep(1_000);
        for (String token : List.of(ines, omar, host)) {
            assertThat(api().post(base + "/leave", token, null).status()).isEqualTo(204);
        }

        List<List<String>> csv = rows("CSV", download(admin, ready(admin, "CSV")));
        List<List<String>> xlsx = rows("XLSX", download(cora, ready(cora, "XLSX")));
        List<List<String>> pdf = rows("PDF", download(admin, ready(admin, "PDF")));
        assertThat(xlsx).as("XLSX as CSV").isEqualTo(csv);
        assertThat(pdf).as("PDF as CSV").isEqualTo(csv);

        List<String> after = everyoneToday(csv);
        assertThat(figure(after, 3) - figure(before, 3)).as("active users: the two newcomers at least").isBetween(2L, 3L);
        assertThat(figure(after, 4) - figure(before, 4)).as("meetings").isEqualTo(1);
        assertThat(figure(after, 7) - figure(before, 7)).as("chat messages").isEqualTo(2);
        assertThat(figure(after, 9)).as("peak participants").isGreaterThanOrEqualTo(3);
        assertThat(csv).anyMatch(r -> r.get(1).equals("(no department)") && r.get(0).equals(TODAY.toString()));
    }

    @Test
    void progressIsShownAndAskingAndDownloadingAreAudited() throws Exception {
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        Reply queued = request(admin, "PDF");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(queued.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(queued.text("id")));
        String id = queued.text("id");
        List<Integer> progress = new ArrayList<>();
        JsonNode done = Eventually.get(() -> {
            JsonNode j = api().get("/api/reports/usage/" + id, admin).json();
            progress.add(j.get("progress").asInt());
            return j;
        }, j -> Set.of("READY", "FAILED").contains(j.get("state").asText()), Duration.ofSeconds(60));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("READY");
        assertThat(progress).isSorted().last().isEqualTo(100);
        assertThat(done.get("rowsWritten").asLong()).isPositive();
        assertThat(done.get("sizeBytes").asLong()).isPositive();
        assertThat(api().get("/api/reports/usage", cora).json().findValuesAsText("id")).contains(id);

        download(admin, id);
        JsonNode audited = api().get("/api/audit?target=report:" + id, cora).json().get("items");
        assertThat(audited.findValuesAsText("action")).containsExactlyInAnyOrder("report.usage-requested", "report.usage-downloaded");
    }

    @Test
    void onlyAdministratorsAndComplianceOfficersAskAndBadRequestsWriteNothing() {
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        assertThat(request(host, "CSV").status()).isEqualTo(403);
        assertThat(request(pablo, "CSV").status()).isEqualTo(403);
        assertThat(api().get("/api/reports/usage", host).status()).isEqualTo(403);
        assertThat(api().post("/api/reports/usage", null, Map.of("format", "CSV")).status()).isEqualTo(401);

        long jobs = ConveneSuite.count("select count(*) from report_jobs");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("format", "DOCX", "period", "DAY", "from", TODAY.toString(), "to", TODAY.plusDays(1).toString()),
                Map.<String, Object>of("format", "CSV", "period", "HOUR", "from", TODAY.toString(), "to", TODAY.plusDays(1).toString()),
                Map.<String, Object>of("format", "CSV", "period", "DAY", "from", TODAY.toString(), "to", TODAY.toString()),
                Map.<String, Object>of("format", "CSV", "period", "DAY", "from", TODAY.minusDays(500).toString(), "to", TODAY.toString()),
                Map.<String, Object>of("format", "CSV", "period", "DAY", "from", "yesterday", "to", TODAY.toString()),
                Map.<String, Object>of("format", "CSV"))) {
            Reply r = api().post("/api/reports/usage", admin, bad);
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(ConveneSuite.count("select count(*) from report_jobs")).isEqualTo(jobs);
        assertThat(api().get("/api/reports/usage/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
        assertThat(api().get("/api/reports/usage/" + UUID.randomUUID() + "/download", admin).status()).isEqualTo(404);
    }

    private static Reply request(String token, String format) {
        return api().post("/api/reports/usage", token, Map.of("format", format, "period", "DAY",
                "from", TODAY.minusDays(1).toString(), "to", TODAY.plusDays(1).toString()));
    }

    private static String ready(String token, String format) {
        Reply queued = request(token, format);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String id = queued.text("id");
        JsonNode done = Eventually.get(() -> api().get("/api/reports/usage/" + id, token).json(),
                j -> Set.of("READY", "FAILED").contains(j.get("state").asText()), Duration.ofSeconds(60));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("READY");
        return id;
    }

    private static byte[] download(String token, String id) throws Exception {
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        ConveneSuite.get().settings().httpUrl() + "/api/reports/usage/" + id + "/download"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> d.contains("convene-usage-day-"));
        return file.body();
    }

    /** The rows as the period's first day, the department and the seven figures, whatever the format. */
    private static List<List<String>> rows(String format, byte[] file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        switch (format) {
            case "CSV" -> {
                List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();
                assertThat(lines.get(0)).startsWith("Period,Starts,Department,Active users");
                for (String line : lines.subList(1, lines.size())) {
                    List<String> cells = List.of(line.split(",", -1)); // Convene's departments here hold no commas
                    rows.add(cells.subList(1, cells.size()));
                }
            }
            case "XLSX" -> {
                try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                    Sheet sheet = book.getSheet("Usage");
                    DataFormatter text = new DataFormatter();
                    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                        Row row = sheet.getRow(i);
                        List<String> cells = new ArrayList<>();
                        cells.add(row.getCell(1).getLocalDateTimeCellValue().toLocalDate().toString());
                        for (int c = 2; c < 10; c++) {
                            cells.add(text.formatCellValue(row.getCell(c)));
                        }
                        rows.add(cells);
                    }
                }
            }
            default -> {
                try (PDDocument pdf = Loader.loadPDF(file)) {
                    assertThat(pdf.getPage(0).getResources().getXObjectNames()).as("the chart").isNotEmpty();
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setSortByPosition(true);
                    stripper.setStartPage(2);
                    for (String line : stripper.getText(pdf).lines().toList()) {
                        Matcher m = PDF_LINE.matcher(line.strip());
                        if (m.matches()) {
                            List<String> cells = new ArrayList<>(List.of(m.group(2), m.group(3)));
                            cells.addAll(List.of(m.group(4).strip().split(" ")));
                            rows.add(cells);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> everyoneToday(List<List<String>> rows) {
        return rows.stream().filter(r -> r.get(0).equals(TODAY.toString()) && r.get(1).equals("All departments"))
                .findFirst().orElseThrow(() -> new AssertionError("no row for today in " + rows));
    }

    /** Column {@code i} of {@link #rows}' row numbered as in the file (3: active users ... 9: peak participants). */
    private static long figure(List<String> row, int column) {
        return Long.parseLong(row.get(column - 1));
    }

    private static String newcomer(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@convene.example";
        Reply r = api().post("/api/users/register", null, Map.of("email", email, "password", "Newcomer-Passw0rd!",
                "name", name, "timeZone", "Europe/Paris"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        Reply login = api().post("/api/users/login", null, Map.of("email", email, "password", "Newcomer-Passw0rd!"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("access_token");
    }
}
