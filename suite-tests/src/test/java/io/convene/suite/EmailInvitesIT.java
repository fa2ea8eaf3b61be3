package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.smtp;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.Test;

/**
 * Invitations by e-mail through the broker to a real SMTP server (GreenMail), parsed as calendars
 * would: REQUEST with a stable UID, SEQUENCE raised on every change, CANCEL at the end.
 */
class EmailInvitesIT extends SignedInPeople {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String OUTSIDER = "outside.person@example.org";

    /** One invitation e-mail as a calendar client reads it. */
    record Invite(String to, String subject, String text, String calendarText, Calendar calendar) {

        String method() {
            return calendar.getProperty("METHOD").orElseThrow().getValue();
        }

        Component event() {
            return calendar.getComponent("VEVENT").orElseThrow();
        }

        String event(String property) {
            return event().getProperty(property).orElseThrow().getValue();
        }
    }

    @Test
    void everyInviteeGetsAnInvitationThatUpdatesInPlaceAndIsCancelled() {
        Map<String, Object> d = with(draft("Quarterly planning"), "passcode", "13579",
                "invitees", List.of(PARTICIPANT, COMPLIANCE, OUTSIDER));
        String id = schedule(host, d).text("id");
        String uid = id + "@convene";

        for (String to : List.of(PARTICIPANT, COMPLIANCE, OUTSIDER)) {
            Invite invite = awaitInvites(to, uid, 1).get(0);
            assertThat(invite.method()).isEqualTo("REQUEST");
            assertThat(invite.event("SEQUENCE")).isEqualTo("0");
            assertThat(invite.calendarText()).contains("DTSTART;TZID=Europe/Berlin:" + compact((String) d.get("start")));
            assertThat(invite.calendar().getComponent("VTIMEZONE").orElseThrow().getProperty("TZID").orElseThrow()
                    .getValue()).isEqualTo("Europe/Berlin");
            assertThat(invite.event("ATTENDEE")).isEqualToIgnoringCase("mailto:" + to);
            assertThat(invite.event("ORGANIZER")).isEqualTo("mailto:hana@convene.example");
            assertThat(invite.event("DESCRIPTION")).contains("/join/").contains("Passcode: 13579");
            assertThat(invite.text()).contains("Passcode: 13579");
            assertThat(invite.subject()).isEqualTo("You are invited to Quarterly planning");
        }

        assertThat(api().put("/api/meetings/" + id + "/edit", host, Map.of("title", "Quarterly planning (moved)")).status())
                .isEqualTo(200);
        Invite update = awaitInvites(OUTSIDER, uid, 2).get(1);
        assertThat(update.method()).isEqualTo("REQUEST");
        assertThat(update.event("SEQUENCE")).isEqualTo("1");
        assertThat(update.event("SUMMARY")).isEqualTo("Quarterly planning (moved)");

        assertThat(api().delete("/api/meetings/" + id, host).status()).isEqualTo(204);
        Invite cancel = awaitInvites(PARTICIPANT, uid, 3).get(2);
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.event("SEQUENCE")).isEqualTo("2");
        assertThat(cancel.event("UID")).isEqualTo(uid);
        assertThat(cancel.event("STATUS")).isEqualTo("CANCELLED");
    }

    @Test
    void whileTheMailServerIsDownTheInvitationWaitsAndIsSentOnceWhenItIsBack() throws InterruptedException {
        String to = "patient.person@example.org";
        smtp().stop();
        String uid;
        try {
            uid = schedule(host, with(draft("Retried"), "invitees", List.of(to))).text("id") + "@convene";
            Thread.sleep(4_000); // the first attempts (after 0, 1 and 3 s) find no mail server
        } finally {
            smtp().start();
        }
        assertThat(awaitInvites(to, uid, 1)).hasSize(1);
        Thread.sleep(2_000);
        assertThat(invites(to, uid)).as("sent once").hasSize(1);
    }

    private static String compact(String localDateTime) {
        return localDateTime.replace("-", "").replace(":", "").substring(0, 13) + "00";
    }

    static List<Invite> awaitInvites(String to, String uid, int count) {
        return Eventually.get(() -> invites(to, uid), found -> found.size() >= count, DELIVERY);
    }

    /** The invitations of one meeting (by UID) received for one address, in order of arrival. */
    static List<Invite> invites(String to, String uid) {
        List<Invite> found = new ArrayList<>();
        for (MimeMessage m : smtp().getReceivedMessages()) {
            try {
                Address[] recipients = m.getAllRecipients();
                if (recipients == null || Arrays.stream(recipients).noneMatch(a -> a.toString().toLowerCase().contains(to))) {
                    continue;
                }
                Invite invite = read(to, m);
                if (invite != null && invite.event("UID").equals(uid)) {
                    found.add(invite);
                }
            } catch (MessagingException | IOException | ParserException e) {
                throw new AssertionError("Unreadable mail: " + e, e);
            }
        }
        return found;
    }

    /** A meeting mail; null for other mail to the address (Keycloak's, which has no calendar part). */
    private static Invite read(String to, MimeMessage m) throws MessagingException, IOException, ParserException {
        if (!(m.getContent() instanceof MimeMultipart parts)) {
            return null;
        }
        String text = null;
        String calendar = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            String body = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (part.isMimeType("text/plain")) {
                text = body;
            } else if (part.isMimeType("text/calendar")) {
                calendar = body;
            }
        }
        if (calendar == null) {
            return null;
        }
        return new Invite(to, m.getSubject(), text, calendar, new CalendarBuilder().build(new StringReader(calendar)));
    }
}
