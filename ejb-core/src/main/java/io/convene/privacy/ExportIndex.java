package io.convene.privacy;

import java.util.Map;

/** The export's human-readable page: what each file holds and how many records. */
final class ExportIndex {

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("profile", "Your account: name, e-mail address, directory attributes"),
            Map.entry("meetings-hosted", "Meetings you scheduled"),
            Map.entry("participations", "Meetings you were invited to or took part in, with your attendance and engagement"),
            Map.entry("visits", "Each time you were in a meeting, from joining to leaving"),
            Map.entry("chat-messages", "Chat messages you sent"),
            Map.entry("files", "Files you shared in chats (the files themselves are in files/)"),
            Map.entry("poll-answers", "Your answers to polls"),
            Map.entry("questions", "Questions you asked in Q&A"),
            Map.entry("notifications", "Notifications Convene sent you"),
            Map.entry("consents", "Which notifications you chose to receive, by channel"),
            Map.entry("calendar-connections", "Calendars you connected"),
            Map.entry("audit", "Audit trail entries about you or by you"),
            Map.entry("legal-holds", "Legal holds on your data"),
            Map.entry("recordings", "Recordings of your meetings"));

    private ExportIndex() {
    }

    static String html(PrivacyRequest request, Map<String, Integer> counts) {
        StringBuilder rows = new StringBuilder();
        counts.forEach((section, n) -> rows.append("<tr><td><a href=\"").append(section).append(".json\">").append(section)
                .append(".json</a></td><td>").append(escape(MEANING.getOrDefault(section, ""))).append("</td><td>").append(n)
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
