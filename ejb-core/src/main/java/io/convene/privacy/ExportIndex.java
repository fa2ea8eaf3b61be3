package io.convene.privacy;

import java.util.List;

/** The export's human-readable page: what each file holds and how many records. */
final class ExportIndex {

    /** One file of the export: its name (without .json), what it holds, how many records. */
    record Section(String name, String meaning, int records) {
    }

    private ExportIndex() {
    }

    static String html(PrivacyRequest request, List<Section> sections) {
        StringBuilder rows = new StringBuilder();
        sections.forEach(s -> rows.append("<tr><td><a href=\"").append(s.name()).append(".json\">").append(s.name())
                .append(".json</a></td><td>").append(escape(s.meaning())).append("</td><td>").append(s.records())
                .append("</td></tr>\n"));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Your data in Convene</title></head>
                <body>
                <h1>Your data in Convene</h1>
                <p>Export %s, requested %s. Every file is JSON (UTF-8), one array of records each.</p>
                <table border="1" cellpadding="4"><tr><th>File</th><th>What it holds</th><th>Records</th></tr>
                %s</table>
                </body></html>
                """.formatted(request.id(), request.requestedAt(), rows);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
