package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.NotificationsIT.awaitKinds;
import static io.convene.suite.NotificationsIT.mine;
import static io.convene.suite.NotificationsIT.ofMeeting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flood of reminders is cut at the hourly limit (3 in the tests: suite-tests/pom.xml), while
 * invitations always get through. Cora is the one flooded; the administrator hosts. Mentions of
 * Cora by other tests in the same hour use up part of her limit, so the test counts them first.
 */
class ThrottleIT extends SignedInPeople {

    @Test
    void remindersStopAtTheLimitInvitationsDoNot() throws InterruptedException {
        String admin = tokenOf(Meetings.ADMIN);
        assertThat(api().get("/api/users/profile", cora).status()).isEqualTo(200);
        // other tests may already have mentioned Cora this hour; those count towards her limit too
        long alreadyThisHour = ConveneSuite.count("select count(*) from notifications n join users u on u.id = n.user_id"
                + " where u.email = '" + COMPLIANCE + "' and n.kind in ('REMINDER', 'MENTIONED')"
                + " and n.sent_at > now() - interval '1 hour'");
        assertThat(alreadyThisHour).as("room left under the limit of 3").isLessThan(3);
        List<String> ids = new ArrayList<>();
        LocalDateTime base = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusMinutes(11).truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> draft = new HashMap<>();
            draft.put("title", "Flood " + i);
            draft.put("start", base.plusMinutes(2L * i).toString());
            draft.put("end", base.plusMinutes(2L * i + 1).toString());
            draft.put("timeZone", "Europe/Berlin");
            draft.put("invitees", List.of(COMPLIANCE));
            draft.put("reminderMinutes", 60);
            ids.add(Meetings.schedule(admin, draft).text("id"));
        }
        for (String id : ids) {
            assertThat(awaitKinds(cora, id, 1)).as("every invitation").contains("INVITED");
        }
        Eventually.get(() -> ConveneSuite.count("select count(*) from meetings where reminded_at is not null and id in ('"
                + String.join("','", ids) + "')"), n -> n == ids.size(), java.time.Duration.ofSeconds(40));
        Thread.sleep(2_000); // the reminders' deliveries

        long reminded = ids.stream().filter(id -> ofMeeting(mine(cora, false), id).stream()
                .anyMatch(n -> "REMINDER".equals(n.get("kind").asText()))).count();
        assertThat(reminded).isEqualTo(3 - alreadyThisHour);
    }
}
