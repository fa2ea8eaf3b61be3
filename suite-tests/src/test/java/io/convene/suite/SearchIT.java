package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Search finds through typos and prefixes, and never shows what the caller may not see. */
class SearchIT extends SignedInPeople {

    @Test
    void peopleAreFoundByPrefixAndThroughTypos() {
        for (String token : List.of(host, pablo, cora)) { // their accounts exist from their first call on
            assertThat(api().get("/api/users/profile", token).status()).isEqualTo(200);
        }
        assertThat(emails(api().get("/api/search/users?q=pabol", cora))).contains(Meetings.PARTICIPANT);
        assertThat(emails(api().get("/api/search/users?q=Pablo%20Partcipant", cora))).contains(Meetings.PARTICIPANT);
        assertThat(emails(api().get("/api/search/users?q=hana@conv", pablo))).as("a prefix match first").first()
                .isEqualTo(Meetings.HOST);
        assertThat(api().get("/api/search/users?q=%20", pablo).status()).isEqualTo(400);
        assertThat(api().get("/api/search/users?q=x&limit=500", pablo).status()).isEqualTo(400);
        assertThat(api().get("/api/search/users?q=pablo", null).status()).isEqualTo(401);
    }

    @Test
    void meetingsAreFoundByWordsDatesAndPeopleButOnlyThoseOneMaySee() {
        Map<String, Object> open = draft("Quarterly revenue review");
        String openId = Meetings.schedule(host, open).text("id");
        Map<String, Object> secret = Meetings.with(draft("Confidential merger talks"), "invitees", List.of(Meetings.COMPLIANCE));
        String secretId = Meetings.schedule(host, secret).text("id");

        assertThat(ids(api().get("/api/search/meetings?q=quarterly%20rev", pablo))).contains(openId);
        assertThat(ids(api().get("/api/search/meetings?q=merger", pablo))).as("not invited: not found").doesNotContain(secretId);
        assertThat(ids(api().get("/api/search/meetings?q=merger", host))).contains(secretId);
        assertThat(ids(api().get("/api/search/meetings?q=merger", ConveneSuite.tokenOf(Meetings.ADMIN)))).contains(secretId);
        assertThat(ids(api().get("/api/search/meetings?participant=" + Meetings.COMPLIANCE, host)))
                .contains(secretId).doesNotContain(openId);
        LocalDate day = LocalDateTime.parse((String) open.get("start")).toLocalDate();
        assertThat(ids(api().get("/api/search/meetings?q=quarterly&from=" + day.minusDays(1) + "&to=" + day.plusDays(2), host)))
                .contains(openId);
        assertThat(ids(api().get("/api/search/meetings?q=quarterly&from=" + day.plusDays(3) + "&to=" + day.plusDays(4), host)))
                .doesNotContain(openId);
        assertThat(api().get("/api/search/meetings", host).status()).isEqualTo(400);
        assertThat(api().get("/api/search/meetings?q=%27%3B%20drop%20table%20meetings%3B--", host).status())
                .as("operators are words, not SQL").isEqualTo(200);
    }

    @Test
    void chatIsFoundOnlyInMeetingsOneAttendedAndPrivateMessagesOnlyByTheirEnds() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Chatty"));
        String base = "/api/meetings/" + g.id();
        api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "s-1", "text", "the deployment checklist is ready"));
        api().post(base + "/chat/send", host, Map.of("clientMessageId", "s-2", "text", "your bonus is approved", "to", g.coraP()));

        assertThat(contents(api().get("/api/search/messages?q=deploy", pablo))).contains("the deployment checklist is ready");
        assertThat(contents(api().get("/api/search/messages?q=deploy&meetingId=" + g.id(), cora))).hasSize(1);
        assertThat(contents(api().get("/api/search/messages?q=bonus", cora))).contains("your bonus is approved");
        assertThat(contents(api().get("/api/search/messages?q=bonus", host))).contains("your bonus is approved");
        assertThat(contents(api().get("/api/search/messages?q=bonus", pablo))).as("someone else's private message").isEmpty();
        assertThat(contents(api().get("/api/search/messages?q=deployment", ConveneSuite.tokenOf(Meetings.ADMIN))))
                .as("not attended, not searchable, even for administrators").isEmpty();
    }

    private static List<String> emails(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return values(r.json(), "email");
    }

    private static List<String> ids(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return values(r.json(), "id");
    }

    private static List<String> contents(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return values(r.json(), "content");
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
