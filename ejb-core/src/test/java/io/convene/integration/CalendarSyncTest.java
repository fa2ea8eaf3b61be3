package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.notification.Notice;
import io.convene.notification.NoticeKind;
import io.convene.notification.Notices;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.QueueMessages;
import io.convene.shared.UnavailableException;
import io.convene.user.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading the hosts' calendars back: where to read on from, a copy deleted there, events that are
 * none of Convene's business, and calendars that refuse. (A copy moved there, and attendees' answers,
 * go through the meeting context's {@code MeetingService}, which is not wired here.)
 */
class CalendarSyncTest {

    private final IntegrationWorld w = new IntegrationWorld();
    private final CalendarSync sync = new CalendarSync();
    private final User host = w.world.person("host");
    private final Caller hostCalls = MeetingWorld.callerOf(host, Caller.HOST);
    private final Meeting meeting = w.world.meeting(host);

    CalendarSyncTest() {
        sync.connections = w.connections;
        sync.copies = w.copies;
        sync.meetingRepository = w.world.meetings;
        sync.calendars = w.providers;
        sync.users = w.world.userService;
        sync.sealing = w.sealing;
        sync.notices = w.notices;
        sync.clock = w.world.clock;
        sync.health = w.health;
        sync.marker = "Convene meeting";
    }

    private static CalendarChanges.Change event(String id, boolean cancelled, String title) {
        return new CalendarChanges.Change(id, cancelled, null, null, null, title, null, null, null, null, null, null);
    }

    @Test
    void withoutACalendarThereIsNothingToSync() {
        w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb");

        assertThatThrownBy(() -> sync.syncMine(hostCalls)).isInstanceOf(NotFoundException.class)
                .hasMessage("No calendar connected");
    }

    @Test
    void eachReadGoesOnFromWhereTheLastOneStopped() {
        ServiceConnection google = w.connected(Provider.GOOGLE, host, "{\"calendarId\":\"primary\"}", "refresh-token");

        sync.syncMine(hostCalls);
        sync.syncMine(hostCalls);

        assertThat(w.providers.calls).extracting(RecordingProviders.Call::what).containsExactly("pull", "pull");
        assertThat(w.providers.calls.get(0).args()).containsExactly((Object) null);
        assertThat(w.providers.calls.get(1).args()).containsExactly("token-1");
        assertThat(w.providers.calls.get(0).target().secret()).isEqualTo("refresh-token");
        assertThat(google.syncToken()).isEqualTo("token-1+");
        assertThat(google.syncedAt()).isEqualTo(MeetingWorld.NOW);
    }

    @Test
    void aCopyDeletedInTheCalendarIsForgottenAndTheHostToldTheMeetingIsStillOn() {
        ServiceConnection google = w.connected(Provider.GOOGLE, host, "{}", "refresh-token");
        w.copies.put(CalendarCopyStore.Of.MEETING, meeting.id(), google.id(), "event-7");
        w.providers.then(() -> new CalendarChanges(List.of(event("event-7", true, null)), "token-2"));

        CalendarSync.Report report = sync.syncMine(hostCalls);

        assertThat(report).isEqualTo(new CalendarSync.Report(1, 0, 1, 0, 0, 0));
        assertThat(w.copies.externalId(CalendarCopyStore.Of.MEETING, meeting.id(), google.id())).isEmpty();
        assertThat(w.broker.on(Notices.QUEUE)).singleElement().satisfies(m -> {
            Notice notice = QueueMessages.read(m, Notice.class);
            assertThat(notice.kind()).isEqualTo(NoticeKind.CALENDAR_DELETED);
            assertThat(notice.meetingId()).isEqualTo(meeting.id());
            assertThat(notice.participationIds()).containsExactly(w.world.of(meeting, host).id());
        });
        assertThat(meeting.status()).isEqualTo(io.convene.meeting.MeetingStatus.SCHEDULED);
    }

    @Test
    void eventsThatAreNotConveneMeetingsAndCopiesOfMeetingsNoLongerAheadAreLeftAlone() {
        ServiceConnection google = w.connected(Provider.GOOGLE, host, "{}", "refresh-token");
        Meeting running = w.world.live(host);
        w.copies.put(CalendarCopyStore.Of.MEETING, running.id(), google.id(), "event-live");
        w.providers.then(() -> new CalendarChanges(List.of(event("dentist", false, "Dentist"), event("gone", true, "Lunch"),
                event("event-live", true, null)), "token-2"));

        CalendarSync.Report report = sync.syncMine(hostCalls);

        assertThat(report).isEqualTo(new CalendarSync.Report(3, 0, 0, 0, 0, 0));
        assertThat(w.copies.externalId(CalendarCopyStore.Of.MEETING, running.id(), google.id())).contains("event-live");
        assertThat(w.broker.sent()).isEmpty();
        assertThat(google.syncToken()).isEqualTo("token-2");
    }

    @Test
    void aCalendarThatRefusesIsReportedAndRecordedOnTheConnection() {
        ServiceConnection google = w.connected(Provider.GOOGLE, host, "{}", "refresh-token");
        w.providers.thenFail(new IntegrationFailedException("invalid_grant", null));

        assertThatThrownBy(() -> sync.syncMine(hostCalls)).isInstanceOf(UnavailableException.class)
                .hasMessage("GOOGLE could not be read: invalid_grant");

        assertThat(google.failing()).isTrue();
        assertThat(google.syncToken()).isNull();
    }

    @Test
    void theRoundReadsEveryCalendarNotBusyElsewhereAndGoesOnPastOneThatFails() {
        ServiceConnection first = w.connected(Provider.GOOGLE, host, "{}", "one");
        ServiceConnection busy = w.connected(Provider.MICROSOFT, w.world.person("ann"), "{}", null);
        ServiceConnection third = w.connected(Provider.GOOGLE, w.world.person("bob"), "{}", "three");
        w.connected(Provider.SLACK, null, "{}", "xoxb");
        w.connections.busy(busy.id());
        w.providers.thenFail(new IntegrationFailedException("timeout", null));

        sync.syncAll(sync);

        assertThat(w.providers.calls).extracting(c -> c.target().connectionId()).containsExactly(first.id(), third.id());
        assertThat(first.syncToken()).isNull();
        assertThat(third.syncToken()).isEqualTo("token-1");
        assertThat(busy.syncedAt()).isNull();
    }
}
