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
 * What the edge answers before anything else runs: a request whose Authorization header is not a
 * verified bearer token is refused with 401 before its input is looked at, on the endpoints guests
 * may use (a guest ticket instead of a token) and on the signed-in-only ones next to them.
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
