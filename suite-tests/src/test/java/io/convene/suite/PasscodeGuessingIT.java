package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong passcodes are counted per client and per meeting; a guesser is slowed down, others are not. */
class PasscodeGuessingIT {

    @Test
    void afterFiveWrongPasscodesAClientMustWaitWhileOthersGetIn() {
        String host = tokenOf(HOST);
        String pablo = tokenOf(PARTICIPANT);
        Reply m = schedule(host, with(draft("Guarded"), "passcode", "731904", "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");

        for (int i = 0; i < 5; i++) {
            assertThat(api().post("/api/meetings/" + id + "/join", pablo, Map.of("passcode", "00000" + i)).status())
                    .isEqualTo(403);
        }
        assertThat(count("select count(*) from passcode_failures where meeting_id = '" + id + "'"))
                .as("failures outlive the refused joins' rollback").isEqualTo(5);

        Reply limited = api().post("/api/meetings/" + id + "/join", pablo, Map.of("passcode", "731904"));
        assertThat(limited.status()).as("even the right passcode, for now").isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("900");

        Reply other = api().post("/api/meetings/" + m.text("code") + "/join", tokenOf(COMPLIANCE),
                Map.of("passcode", "731904"));
        assertThat(other.status()).as("another client is not affected").isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/join", host, Map.of()).status())
                .as("the host needs no passcode").isEqualTo(200);

        String token = GuestJoinIT.joinToken(m);
        for (int i = 0; i < 5; i++) {
            api().post("/api/meetings/" + id + "/join", null, Map.of("joinToken", token, "displayName", "Guesser",
                    "passcode", "99999" + i));
        }
        assertThat(api().post("/api/meetings/" + id + "/join", null, Map.of("joinToken", token, "displayName", "Guesser",
                "passcode", "731904")).status()).as("guests are counted by their address").isEqualTo(429);
    }

    @Test
    void guessersWithManyAccountsDoNotLockTheMeetingForThoseWhoKnowThePasscode() {
        String host = tokenOf(HOST);
        Reply m = schedule(host, with(draft("Guarded for all"), "passcode", "482913",
                "settings", Map.of("joinBeforeHost", true)));
        String code = m.text("code");
        for (int account = 0; account < 6; account++) { // 6 x 5 = 30: the meeting-wide limit
            String email = LocalAccounts.address("guesser" + account);
            LocalAccounts.make(email);
            String guesser = LocalAccounts.signIn(email);
            for (int i = 0; i < 5; i++) {
                assertThat(api().post("/api/meetings/" + code + "/join", guesser, Map.of("passcode", "10000" + i)).status())
                        .isEqualTo(403);
            }
        }
        assertThat(count("select count(*) from passcode_failures where meeting_id = '" + m.text("id") + "'")).isEqualTo(30);

        String late = LocalAccounts.address("guesser-late");
        LocalAccounts.make(late);
        String lateToken = LocalAccounts.signIn(late);
        assertThat(api().post("/api/meetings/" + code + "/join", lateToken, Map.of("passcode", "200000")).status())
                .as("a new guesser gets one try").isEqualTo(403);
        Reply limited = api().post("/api/meetings/" + code + "/join", lateToken, Map.of("passcode", "482913"));
        assertThat(limited.status()).as("then the meeting-wide limit holds them back").isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");

        Reply knows = api().post("/api/meetings/" + code + "/join", tokenOf(COMPLIANCE), Map.of("passcode", "482913"));
        assertThat(knows.status()).as("someone who knows the passcode still gets in: " + knows).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + code + "/join", tokenOf(PARTICIPANT), Map.of("passcode", "482913")).status())
                .isEqualTo(200);
    }
}
