package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the edge answers before anything else runs. A request whose Authorization header is not a
 * verified bearer token is refused with 401 before its input is looked at, on the endpoints guests
 * may use (a guest ticket instead of a token) and on the signed-in-only ones next to them. No
 * answer names the server; the API and the console carry the join page's protections; the console's
 * session cookie is HttpOnly, SameSite=Lax and Secure over HTTPS; /metrics is for administrators and
 * the scrape token only.
 */
class EdgeBoundariesIT extends SignedInPeople {

    /** Authorization headers that are no bearer token Keycloak signed. */
    static final Map<String, String> NOT_A_TOKEN = new LinkedHashMap<>();

    static {
        NOT_A_TOKEN.put("empty bearer", "Bearer ");
        NOT_A_TOKEN.put("basic", "Basic " + Base64.getEncoder().encodeToString(
                (Meetings.HOST + ":" + "whatever").getBytes(StandardCharsets.UTF_8)));
    }

    record Call(String method, String path, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + path.replaceFirst("/api/meetings/[^/]+", "/api/meetings/{id}");
        }
    }

    String id;

    @BeforeEach
    void aLiveMeeting() {
        id = Meetings.gather(host, pablo, cora, draft("Edge")).id();
    }

    /** Every endpoint a guest may call, each with input its validation refuses (a guest ticket past 4096 characters, a bad body). */
    List<Call> guestCapable() {
        String m = "/api/meetings/" + id;
        String some = UUID.randomUUID().toString();
        Map<String, String> ticket = Map.of("X-Convene-Guest-Ticket", "t".repeat(5000));
        return List.of(
                new Call("POST", m + "/join", "{\"displayName\":\"\"}", Map.of()),
                new Call("POST", m + "/leave", null, ticket),
                new Call("POST", m + "/chat/send", "{\"text\":\"no client id\"}", ticket),
                new Call("GET", m + "/chat/messages?size=100000", null, ticket),
                new Call("POST", m + "/chat/messages/" + some + "/reactions", "{\"emoji\":\"not an emoji\"}", ticket),
                new Call("DELETE", m + "/chat/messages/" + some + "/reactions/nope", null, ticket),
                new Call("POST", m + "/chat/attachments", "file", with(ticket, "X-File-Name", "n".repeat(2000),
                        "Content-Type", "text/plain")),
                new Call("GET", m + "/chat/attachments/" + some, null, ticket),
                new Call("GET", m + "/breakouts", null, ticket),
                new Call("POST", m + "/whiteboard/create", null, ticket),
                new Call("PUT", m + "/whiteboard/update", "{\"ops\":[]}", ticket),
                new Call("GET", m + "/whiteboard", null, ticket),
                new Call("GET", m + "/whiteboard/export?format=gif", null, ticket),
                new Call("POST", m + "/audio/toggle", "{\"on\":\"maybe\"}", ticket),
                new Call("POST", m + "/video/toggle", "{}", ticket),
                new Call("POST", m + "/screen-share/start", null, ticket),
                new Call("POST", m + "/screen-share/stop", null, ticket),
                new Call("GET", m + "/ice-servers", null, ticket),
                new Call("POST", m + "/questions", "{\"text\":\"\"}", ticket),
                new Call("GET", m + "/questions", null, ticket),
                new Call("POST", m + "/questions/" + some + "/upvote", null, ticket),
                new Call("DELETE", m + "/questions/" + some + "/upvote", null, ticket),
                new Call("POST", m + "/hand/raise", null, ticket),
                new Call("POST", m + "/hand/lower", null, ticket),
                new Call("POST", m + "/reactions", "{\"emoji\":\"x\"}", ticket),
                new Call("GET", m + "/polls", null, ticket),
                new Call("POST", m + "/polls/" + some + "/vote", "{\"optionIds\":[]}", ticket));
    }

    /** The signed-in-only endpoints of the same resources (host controls), each with a body its validation refuses. */
    List<Call> signedInOnly() {
        String m = "/api/meetings/" + id;
        String some = UUID.randomUUID().toString();
        return List.of(
                new Call("POST", m + "/breakouts", "{\"count\":0}", Map.of()),
                new Call("POST", m + "/breakouts/assign", "{}", Map.of()),
                new Call("POST", m + "/breakouts/open", "{\"seconds\":1}", Map.of()),
                new Call("POST", m + "/breakouts/move", "{}", Map.of()),
                new Call("POST", m + "/breakouts/broadcast", "{\"text\":\"\"}", Map.of()),
                new Call("POST", m + "/breakouts/close", null, Map.of()),
                new Call("POST", m + "/whiteboard/lock", null, Map.of()),
                new Call("POST", m + "/whiteboard/unlock", null, Map.of()),
                new Call("POST", m + "/questions/" + some + "/answer", "{\"text\":\"\"}", Map.of()),
                new Call("POST", m + "/questions/" + some + "/dismiss", null, Map.of()),
                new Call("GET", m + "/hands", null, Map.of()),
                new Call("POST", m + "/polls", "{\"question\":\"\"}", Map.of()),
                new Call("POST", m + "/polls/" + some + "/close", null, Map.of()));
    }

    @Test
    void anAuthorizationHeaderThatIsNoTokenIsRefusedBeforeTheInputIsRead() {
        long written = writtenFor(id);
        List<String> failures = new ArrayList<>();
        List<Call> calls = new ArrayList<>(guestCapable());
        calls.addAll(signedInOnly());
        for (Call call : calls) {
            NOT_A_TOKEN.forEach((kind, header) ->
                    expectUnauthorized(failures, kind, call, with(call.headers(), "Authorization", header)));
        }
        assertThat(failures).isEmpty();
        assertThat(writtenFor(id)).as("nothing written for the meeting").isEqualTo(written);
    }

    @Test
    void signedInOnlyEndpointsNextToGuestOnesAskForATokenBeforeTheInput() {
        long written = writtenFor(id);
        List<String> failures = new ArrayList<>();
        for (Call call : signedInOnly()) {
            expectUnauthorized(failures, "no token", call, call.headers());
        }
        assertThat(failures).isEmpty();
        assertThat(writtenFor(id)).as("nothing written for the meeting").isEqualTo(written);
    }

    @Test
    void withTheirOwnTokenTheSameBadInputIsRefusedFieldByField() {
        // the 401s above are not the server refusing everything: a signed-in host gets the validation answer
        Reply r = api().send("POST", "/api/meetings/" + id + "/breakouts", host, "{\"count\":0}", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("count");
        Reply join = api().send("POST", "/api/meetings/" + id + "/join", null, "{\"displayName\":\"\"}", Map.of());
        assertThat(join.status()).as(join.toString()).isEqualTo(400);
        assertThat(join.json().get("errors").get(0).get("field").asText()).isEqualTo("displayName");
    }

    // --- what every answer says about the server and the page -------------------------------------

    @Test
    void noAnswerNamesTheServerNotEvenAnError() throws Exception {
        List<Reply> answers = List.of(
                api().get("/health/ready", null),
                api().get("/api/meetings/upcoming", host),
                api().get("/api/nothing-here", host),
                api().get("/api/users/profile", "not-a-token"),
                api().get("/metrics", null),
                api().get("/join/not_a_code", null),
                api().get("/admin/", null),
                api().send("POST", "/api/meetings/schedule", host, "{\"title\":", Map.of()));
        for (Reply r : answers) {
            assertThat(r.headers().firstValue("Server")).as(r.toString()).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).as(r.toString()).isEmpty();
            assertThat(r.raw().toLowerCase()).as(r.toString()).doesNotContain("payara", "glassfish", "grizzly");
        }
        // a request line the container itself refuses, before any application sees it
        java.net.URI base = java.net.URI.create(api().base());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/%zz%00 HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 ");
            assertThat(answer.toLowerCase()).as(answer).doesNotContain("\nserver:", "x-powered-by", "payara", "glassfish");
        }
    }

    @Test
    void theApiAndTheConsoleCarryTheJoinPagesProtections() {
        for (Reply r : List.of(api().get("/api/meetings/upcoming", host), api().get("/api/nothing-here", host),
                api().get("/api/users/profile", "not-a-token"), api().get("/health/ready", null),
                api().post("/api/meetings/" + id + "/chat/send", "not-a-token", Map.of()))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.toString()).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(r.toString()).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(r.toString()).contains("DENY");
        }
        Reply console = api().get("/admin/", null);
        assertThat(console.status()).as("to Keycloak to sign in").isEqualTo(302);
        assertThat(console.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("*"));
        assertThat(console.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(console.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(console.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void theConsoleSessionCookieIsHttpOnlyLaxAndSecureOverHttps() {
        String plain = sessionCookie(api().get("/admin/", null));
        assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(plain.toLowerCase()).as("over plain HTTP a Secure cookie would never come back").doesNotContain("secure");

        // the suite trusts X-Forwarded-Proto (convene.http.trust-forwarded-proto), as behind a TLS proxy
        String overHttps = sessionCookie(api().send("GET", "/admin/", null, null, Map.of("X-Forwarded-Proto", "https")));
        assertThat(overHttps).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure");
    }

    private static String sessionCookie(Reply r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
    }

    // --- /metrics --------------------------------------------------------------------------------

    @Test
    void metricsAnswerOnlyAnAdministratorOrTheScrapeToken() {
        String scrapeToken = System.getProperty("convene.metrics.token");
        Map<String, String> text = Map.of("Accept", "text/plain");
        Reply anyone = api().send("GET", "/metrics", null, null, text);
        assertThat(anyone.status()).as(anyone.toString()).isEqualTo(401);
        assertThat(anyone.contentType()).startsWith("application/problem+json");
        assertThat(anyone.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).contains("Basic"));
        assertThat(anyone.raw()).doesNotContain("convene_channel_sockets");

        Reply participant = api().send("GET", "/metrics", pablo, null, text);
        assertThat(participant.status()).as(participant.toString()).isEqualTo(403);
        assertThat(participant.contentType()).startsWith("application/problem+json");

        Reply guessed = api().send("GET", "/metrics", null, null, with(text, "Authorization", basic(scrapeToken + "x")));
        assertThat(guessed.status()).as(guessed.toString()).isEqualTo(401);
        assertThat(guessed.contentType()).startsWith("application/problem+json");
        Reply sub = api().send("GET", "/metrics/application", null, null, text);
        assertThat(sub.status()).as(sub.toString()).isEqualTo(401);

        Reply admin = api().send("GET", "/metrics", ConveneSuite.tokenOf(Meetings.ADMIN), null, text);
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(admin.raw()).containsPattern("convene_channel_sockets\\{[^}]*\\} \\d");

        Reply scraper = api().send("GET", "/metrics", null, null, with(text, "Authorization", basic(scrapeToken)));
        assertThat(scraper.status()).as(scraper.toString()).isEqualTo(200);
        assertThat(scraper.raw()).containsPattern("convene_channel_sockets\\{[^}]*\\} \\d");

        assertThat(api().get("/health/ready", null).status()).as("health stays public").isEqualTo(200);
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("metrics:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void expectUnauthorized(List<String> failures, String kind, Call call, Map<String, String> headers) {
        Reply r = call.method().equals("POST") && call.path().endsWith("/chat/attachments")
                ? api().sendRaw(call.method(), call.path(), call.body(), headers)
                : api().send(call.method(), call.path(), null, call.body(), headers);
        if (r.status() != 401 || !r.contentType().startsWith("application/problem+json")
                || r.json().path("status").asInt() != 401
                || !r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            failures.add(kind + ": " + call + " -> " + r.status() + " " + r.headers().firstValue("WWW-Authenticate")
                    .orElse("(no challenge)") + " " + r.raw());
        }
    }

    /** Rows of everything people can add to a meeting while in it. */
    static long writtenFor(String meetingId) {
        String m = "'" + meetingId + "'";
        return count("select count(*) from participations where meeting_id = " + m)
                + count("select count(*) from participation_visits v join participations p on p.id = v.participation_id"
                        + " where p.meeting_id = " + m)
                + count("select count(*) from chat_messages where meeting_id = " + m)
                + count("select count(*) from chat_attachments where meeting_id = " + m)
                + count("select count(*) from chat_reactions r join chat_messages c on c.id = r.message_id where c.meeting_id = " + m)
                + count("select count(*) from questions where meeting_id = " + m)
                + count("select count(*) from question_votes v join questions q on q.id = v.question_id where q.meeting_id = " + m)
                + count("select count(*) from polls where meeting_id = " + m)
                + count("select count(*) from poll_votes v join polls p on p.id = v.poll_id where p.meeting_id = " + m)
                + count("select count(*) from whiteboards where meeting_id = " + m)
                + count("select count(*) from whiteboard_ops o join whiteboards w on w.id = o.board_id where w.meeting_id = " + m)
                + count("select count(*) from breakout_rooms where meeting_id = " + m)
                + count("select count(*) from meeting_events where meeting_id = " + m);
    }

    static Map<String, String> with(Map<String, String> headers, String... more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }
}
