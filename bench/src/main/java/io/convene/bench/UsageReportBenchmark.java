package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.Suite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The organisation-wide usage report over a generated year: 20,000 people in 40 departments,
 * 100,000 meetings of 10 (1,000,000 participations, each one visit) and 10 chat messages per
 * participation (10,000,000), written straight into a fresh suite's PostgreSQL. Then each report
 * (by week and by day, as CSV, XLSX and PDF) is asked for through the API like an administrator
 * would: time from asking to ready, rows, file size, and the server's peak heap meanwhile.
 * {@code java -cp bench/target/convene-bench.jar io.convene.bench.UsageReportBenchmark [participations [messages per participation]]}
 */
public final class UsageReportBenchmark {

    private static final int PEOPLE = 20_000;
    private static final int DEPARTMENTS = 40;
    private static final int PER_MEETING = 10;

    private UsageReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int participations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int messagesEach = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (Suite suite = SuiteClient.startSuite("suite-usage")) {
            seed(suite, participations / PER_MEETING, messagesEach);
            SuiteClient client = new SuiteClient(suite);
            System.out.printf("%nConvene usage report benchmark: %,d participations, %,d chat messages, %,d people in %d departments%n",
                    participations, (long) participations * messagesEach, PEOPLE, DEPARTMENTS);
            for (String period : List.of("WEEK", "DAY")) {
                for (String format : List.of("CSV", "XLSX", "PDF")) {
                    report(client, period, format);
                }
            }
        }
        System.exit(0);
    }

    private static void report(SuiteClient client, String period, String format) throws Exception {
        String admin = client.adminToken();
        long heapBefore = client.usedHeap();
        JsonNode job;
        double seconds;
        long peak;
        try (SuiteClient.HeapWatch heap = client.watchHeap()) {
            long t0 = System.nanoTime();
            job = client.send("POST", "/api/reports/usage", admin, Map.of("format", format, "period", period,
                    "from", "2025-01-01", "to", "2026-01-01"));
            String id = job.get("id").asText();
            while (!List.of("READY", "FAILED").contains(job.get("state").asText())
                    && System.nanoTime() - t0 < Duration.ofMinutes(30).toNanos()) {
                Thread.sleep(100);
                job = client.send("GET", "/api/reports/usage/" + id, admin, null);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            peak = heap.peak();
        }
        long downloaded = 0;
        if (job.get("state").asText().equals("READY")) {
            HttpResponse<java.io.InputStream> file = client.http().send(HttpRequest.newBuilder(URI.create(client.base()
                    + "/api/reports/usage/" + job.get("id").asText() + "/download")).header("Authorization", "Bearer " + admin)
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = file.body()) {
                downloaded = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        System.out.printf("  by %-4s %-4s %s in %5.1f s: %,6d rows, %,10d bytes (downloaded %,d); server heap %d MB before, peak %d MB%n",
                period.toLowerCase(), format, job.get("state").asText(), seconds, job.get("rowsWritten").asLong(),
                job.path("sizeBytes").asLong(), downloaded, heapBefore >> 20, peak >> 20);
    }

    /**
     * The generated year, in set-based SQL as the schema's owner (it makes work tables and drops the
     * chat search index, which the report does not use: more than the application's role may).
     */
    private static void seed(Suite suite, int meetings, int messagesEach) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.dbUrl(), suite.migrationUser(), suite.migrationPassword());
             Statement s = c.createStatement()) {
            step(s, "people", """
                    create table bench_people as select n, gen_random_uuid() as id from generate_series(1, %d) n;
                    insert into users (id, subject, name, email, time_zone, created_at, status, department)
                    select id, 'bench-' || n, 'Bench Person ' || n, 'bench' || n || '@bench.example', 'UTC', now(), 'ACTIVE',
                           'Department ' || lpad((n %% %d)::text, 2, '0')
                    from bench_people""".formatted(PEOPLE, DEPARTMENTS));
            step(s, "meetings", """
                    create table bench_meetings as
                    select n, gen_random_uuid() as id, timestamptz '2025-01-01 00:00:00+00' + (n %% 365) * interval '1 day'
                           + (7 + n %% 10) * interval '1 hour' + (n %% 4) * interval '15 minutes' as starts
                    from generate_series(1, %d) n;
                    insert into meetings (id, title, starts_at, ends_at, time_zone, status, host_id, code, join_token,
                                          waiting_room, allow_guests, video_on_entry, audio_on_entry, join_before_host, created_at)
                    select m.id, 'Benchmark meeting ' || m.n, m.starts, m.starts + interval '1 hour', 'UTC', 'ENDED', u.id,
                           'B' || lpad(m.n::text, 9, '0'), 'bench-' || m.n, false, false, false, false, true, now()
                    from bench_meetings m join bench_people u on u.n = (m.n * 7) %% %d + 1""".formatted(meetings, PEOPLE));
            step(s, "participations and visits", """
                    create table bench_parts as
                    select gen_random_uuid() as id, m.id as meeting_id, m.n, k, u.id as user_id,
                           m.starts + k * interval '1 minute' as joined, (20 + (m.n + k) %% 40) * 60 as seconds
                    from bench_meetings m cross join generate_series(0, %d) k
                    join bench_people u on u.n = (m.n * 7 + k * 131) %% %d + 1;
                    insert into participations (id, meeting_id, user_id, role, first_joined_at, attended_seconds, joins, chat_messages)
                    select id, meeting_id, user_id, case when k = 0 then 'HOST' else 'PARTICIPANT' end, joined, seconds, 1, %d
                    from bench_parts;
                    insert into participation_visits (participation_id, joined_at, left_at)
                    select id, joined, joined + seconds * interval '1 second' from bench_parts""".formatted(PER_MEETING - 1, PEOPLE, messagesEach));
            s.execute("drop index if exists chat_messages_search");
            for (int j = 1; j <= messagesEach; j++) {
                step(s, "chat messages " + j + " of " + messagesEach, """
                        insert into chat_messages (id, meeting_id, sender_id, client_message_id, content, sent_at)
                        select gen_random_uuid(), meeting_id, id, 'bench-%d', 'benchmark message %d', joined + %d * interval '1 minute'
                        from bench_parts""".formatted(j, j, j));
            }
            step(s, "statistics", "analyze");
        }
    }

    private static void step(Statement s, String what, String sql) throws Exception {
        long t0 = System.nanoTime();
        for (String statement : sql.split(";\n")) {
            s.execute(statement);
        }
        System.out.printf("  seeded %s in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
