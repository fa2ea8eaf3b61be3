package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** External guests without an account: through the secure link, with a meeting-scoped ticket. */
class GuestJoinIT {

    static String host;

    @BeforeAll
    static void signIn() {
        host = tokenOf(HOST);
    }

    static String joinToken(Reply meeting) {
        return meeting.text("joinUrl").replaceAll(".*\\?t=", "").replaceAll("&.*", "");
    }

    @Test
    void aGuestJoinsWithTheLinkAndLeavesWithTheTicket() {
        Reply meeting = schedule(host, with(draft("Customer call"), "allowGuests", true, "passcode", "8642",
                "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");

        Reply joined = api().post("/api/meetings/" + id + "/join", null,
                Map.of("joinToken", joinToken(meeting), "displayName", "Gina Guest", "passcode", "8642"));

        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.text("state")).isEqualTo("JOINED");
        String ticket = joined.text("guestTicket");
        assertThat(ticket).isNotBlank();
        assertThat(joined.text("guestTicketExpiresAt")).isNotBlank();
        assertThat(api().get("/api/meetings/" + id + "/details", host).raw()).contains("Gina Guest");

        assertThat(api().get("/api/users/profile", ticket).status()).as("a ticket is no bearer token").isEqualTo(401);
        Reply other = schedule(host, with(draft("Elsewhere"), "allowGuests", true));
        assertThat(leave(other.text("id"), ticket).status()).as("bound to its meeting").isEqualTo(401);
        assertThat(leave(id, ticket.substring(0, ticket.length() - 3) + "abc").status()).isEqualTo(401);

        assertThat(leave(id, ticket).status()).isEqualTo(204);
        assertThat(count("select count(*) from participations where guest_name = 'Gina Guest' and left_at is not null"))
                .isEqualTo(1);
    }

    @Test
    void guestsNeedTheLinkTheirNameAndPermission() {
        Reply closed = schedule(host, draft("Internal only"));
        Reply open = schedule(host, with(draft("Open house"), "allowGuests", true));
        long participations = count("select count(*) from participations");

        assertThat(api().post("/api/meetings/" + closed.text("id") + "/join", null,
                Map.of("joinToken", joinToken(closed), "displayName", "Gina")).status()).isEqualTo(403);
        assertThat(api().post("/api/meetings/" + open.text("id") + "/join", null,
                Map.of("joinToken", joinToken(closed), "displayName", "Gina")).status())
                .as("another meeting's token").isEqualTo(404);
        assertThat(api().post("/api/meetings/" + open.text("code") + "/join", null,
                Map.of("displayName", "Gina")).status()).as("the code alone").isEqualTo(404);
        Reply nameless = api().post("/api/meetings/" + open.text("id") + "/join", null,
                Map.of("joinToken", joinToken(open)));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().get("errors").get(0).get("field").asText()).isEqualTo("displayName");
        assertThat(count("select count(*) from participations")).isEqualTo(participations);
    }

    @Test
    void signedInUsersMayUseTheLinkToo() {
        Reply meeting = schedule(host, with(draft("Link for staff"), "settings", Map.of("joinBeforeHost", true)));
        Reply r = api().post("/api/meetings/" + meeting.text("id") + "/join", tokenOf(Meetings.COMPLIANCE),
                Map.of("joinToken", joinToken(meeting)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("state")).isEqualTo("JOINED");
        assertThat(r.json().has("guestTicket")).isFalse();
    }

    private static Reply leave(String id, String ticket) {
        return api().send("POST", "/api/meetings/" + id + "/leave", null, null, Map.of("X-Convene-Guest-Ticket", ticket));
    }

    @Test
    void theJoinPageIsPublicAndLocksItselfDown() {
        Reply meeting = schedule(host, with(draft("Page check"), "allowGuests", true));
        Reply page = api().get("/join/" + meeting.text("code") + "?t=" + joinToken(meeting), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw()).contains("id=\"join-form\"", "/join-assets/join.js");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("Referrer-Policy")).as("the link's token stays here").contains("no-referrer");
        assertThat(api().get("/join-assets/join.js", null).status()).isEqualTo(200);
        assertThat(api().get("/join/not%20a%20code", null).status()).isEqualTo(404);
    }
}
