package io.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.meeting.JoinLinks;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.user.User;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sending one queued e-mail: to the participation's address, about the meeting as it is now, counted once sent. */
class EmailDeliveriesTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemorySentCounts counts = new InMemorySentCounts();
    private final RecordingMailSender mail = new RecordingMailSender(true);
    private final EmailDeliveries emails = new EmailDeliveries();
    private final User host = world.person("host");
    private final User ann = world.person("ann");
    private final Meeting meeting = world.live(host, ann);

    EmailDeliveriesTest() {
        emails.meetings = world.meetings;
        emails.mail = mail;
        emails.links = new JoinLinks();
        emails.counter = SentCounters.of(counts, world.clock);
    }

    @Test
    void theMailGoesToTheParticipationsAddressWithTheMeetingsCalendarDetails() {
        emails.send(new EmailDeliveries.Delivery(UUID.randomUUID(), NoticeKind.CHANGED, meeting.id(), world.of(meeting, ann).id()));

        assertThat(mail.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ann@example.com");
            assertThat(m.toName()).isEqualTo("ann");
            assertThat(m.subject()).isEqualTo("Weekly was changed");
            assertThat(m.uid()).isEqualTo(meeting.id() + "@convene");
            assertThat(m.sequence()).isEqualTo(meeting.calendarSequence());
            assertThat(m.start()).isEqualTo(meeting.slot().start());
            assertThat(m.end()).isEqualTo(meeting.slot().end());
            assertThat(m.zone()).hasToString("Europe/Berlin");
            assertThat(m.organizerEmail()).isEqualTo("host@example.com");
            assertThat(m.code()).isEqualTo(meeting.code());
            assertThat(m.joinUrl()).endsWith("/join/" + meeting.code() + "?t=" + meeting.joinToken());
            assertThat(m.passcode()).isNull();
            assertThat(m.recurrence()).isNull();
            assertThat(m.cancels()).isFalse();
        });
        assertThat(counts.on(LocalDate.of(2026, 12, 7), Channel.EMAIL)).isOne();
    }

    @Test
    void aMailForSomeoneOrAMeetingNoLongerThereIsDroppedUncounted() {
        emails.send(new EmailDeliveries.Delivery(UUID.randomUUID(), NoticeKind.REMINDER, meeting.id(), UUID.randomUUID()));
        emails.send(new EmailDeliveries.Delivery(UUID.randomUUID(), NoticeKind.REMINDER, UUID.randomUUID(),
                world.of(meeting, ann).id()));

        assertThat(mail.sent).isEmpty();
        assertThat(counts.between(LocalDate.MIN, LocalDate.MAX)).isEmpty();
    }
}
