package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.NotificationsIT.awaitKinds;
import static io.convene.suite.NotificationsIT.mine;
import static io.convene.suite.NotificationsIT.ofMeeting;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders go out once, N minutes before the start (checked every 15 s), again after a move, never
 * for a cancelled meeting. The host is the administrator here, whose calendar no other test fills.
 */
class RemindersIT extends SignedInPeople {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static String admin;

    @BeforeAll
    static void accounts() {
        admin = tokenOf(Meetings.ADMIN);
        assertThat(api().get("/api/users/profile", pablo).status()).isEqualTo(200);
    }

    private static Map<String, Object> soon(String title, int startInMinutes, int lengthMinutes, int reminder) {
        LocalDateTime start = LocalDateTime.now(BERLIN).plusMinutes(startInMinutes).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("start", start.toString());
        draft.put("end", start.plusMinutes(lengthMinutes).toString());
        draft.put("timeZone", BERLIN.getId());
        draft.put("invitees", List.of(PARTICIPANT));
        draft.put("reminderMinutes", reminder);
        return draft;
    }

    @Test
    void aDueReminderGoesOutOnceAMovedMeetingIsRemindedAgainACancelledOneNever() throws Exception {
        String due = Meetings.schedule(admin, soon("Due soon", 3, 3, 5)).text("id");
        String later = Meetings.schedule(admin, soon("Later", 120, 30, 15)).text("id");
        String cancelled = Meetings.schedule(admin, soon("Called off", 200, 30, 15)).text("id");
        assertThat(api().delete("/api/meetings/" + cancelled, admin).status()).isEqualTo(204);
        startSoon(cancelled); // as if its time had come: it is still cancelled

        assertThat(awaitKinds(pablo, due, 2)).containsExactly("REMINDER", "INVITED");
        assertThat(ofMeeting(mine(pablo, false), due).get(0).get("message").asText()).isEqualTo("Due soon starts soon");
        assertThat(kinds(later)).as("not due yet").containsExactly("INVITED");

        Map<String, Object> moved = soon("Later", 7, 3, 15);
        Reply edit = api().put("/api/meetings/" + later + "/edit", admin, Map.of("start", moved.get("start"),
                "end", moved.get("end")));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        assertThat(awaitKinds(pablo, later, 3)).containsExactly("REMINDER", "CHANGED", "INVITED");

        Thread.sleep(16_000); // one more round of the reminder clock
        assertThat(kinds(due)).containsExactly("REMINDER", "INVITED");
        assertThat(kinds(later)).containsExactly("REMINDER", "CHANGED", "INVITED");
        assertThat(kinds(cancelled)).doesNotContain("REMINDER");
        assertThat(ConveneSuite.count("select count(*) from meetings where id = '" + due + "' and reminded_at is not null"))
                .isEqualTo(1);
    }

    @Test
    void aReminderOutOfRangeIsRefused() {
        Reply r = api().post("/api/meetings/schedule", admin, soon("Odd", 300, 30, -1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("reminderMinutes");
    }

    private static List<String> kinds(String meetingId) {
        return ofMeeting(mine(pablo, false), meetingId).stream().map(n -> n.get("kind").asText()).toList();
    }

    private static void startSoon(String meetingId) throws SQLException {
        try (Connection c = ConveneSuite.database(); PreparedStatement s = c.prepareStatement(
                "update meetings set starts_at = now() + interval '3 minutes', ends_at = now() + interval '30 minutes' where id = ?")) {
            s.setObject(1, UUID.fromString(meetingId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
