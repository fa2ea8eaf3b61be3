package io.convene.integration;

import static io.convene.integration.CalendarCopyStore.Of.MEETING;
import static io.convene.integration.CalendarCopyStore.Of.SERIES;

import io.convene.integration.CalendarCopyStore.Of;
import io.convene.meeting.JoinLinks;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingSeries;
import io.convene.meeting.MeetingStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The copies of meetings in their hosts' own calendars (Google, Outlook): where each is (its id
 * there), so a change updates the same entry and a cancellation removes it. A copy follows the
 * meeting as it is now, whatever the event that woke it: deliveries may run in any order (a retried
 * SCHEDULED after a CHANGED), and each one makes the copy right.
 * <p>
 * A recurring series is one recurring event there (its id kept for the series): its rule, and the
 * meetings cancelled on their own left out; a meeting of it changed on its own is that event's
 * occurrence, changed alone.
 */
@ApplicationScoped
public class CalendarCopies {

    private static final Logger LOG = Logger.getLogger(CalendarCopies.class.getName());

    @Inject
    CalendarCopyStore copies;

    @Inject
    io.convene.meeting.MeetingRepository meetings;

    @EJB
    CalendarProviders calendars;

    @Inject
    JoinLinks links;

    void push(Meeting meeting, Announcement.Target target, ServiceConnection connection) {
        if (meeting.series().isEmpty()) {
            push(announcement(meeting, meeting.id(), links.of(meeting), meeting.code(), null, meeting.slot().start(),
                    meeting.slot().end(), meeting.status() == MeetingStatus.CANCELLED, target), target, connection,
                    MEETING, meeting.id());
            return;
        }
        MeetingSeries series = meeting.series().get();
        List<Meeting> all = meetings.allOfSeries(series);
        boolean changedAlone = meeting.isDetached() && meeting.status() != MeetingStatus.CANCELLED;
        String seriesCopy = copyOf(SERIES, series.id(), connection.id());
        if (!changedAlone || seriesCopy == null) {
            seriesCopy = push(seriesAnnouncement(series, all, meeting, target), target, connection, SERIES, series.id());
        }
        if (changedAlone && seriesCopy != null) {
            push(announcement(meeting, meeting.id(), links.of(series, meeting), series.code(),
                    Announcement.Repeats.occurrence(meeting.occurrenceStart(), seriesCopy), meeting.slot().start(),
                    meeting.slot().end(), false, target), target, connection, MEETING, meeting.id());
        }
    }

    /**
     * The series as one recurring event: what its meetings ahead say (the first of them not changed
     * on its own), from the first meeting's time by the rule, without those cancelled on their own;
     * gone once no meeting of it is still to be held.
     */
    private Announcement seriesAnnouncement(MeetingSeries series, List<Meeting> all, Meeting woke, Announcement.Target target) {
        Meeting first = all.get(0);
        Meeting said = all.stream().filter(m -> !m.isDetached() && m.status() == MeetingStatus.SCHEDULED).findFirst()
                .orElse(woke.isDetached() ? first : woke);
        boolean over = all.stream().noneMatch(m -> m.status() == MeetingStatus.SCHEDULED || m.status() == MeetingStatus.LIVE);
        List<Instant> skipped = all.stream().filter(m -> m.isDetached() && m.status() == MeetingStatus.CANCELLED)
                .map(Meeting::occurrenceStart).toList();
        return announcement(said, first.id(), links.of(series, said), series.code(),
                Announcement.Repeats.series(series.rule(), skipped), series.firstSlot().start(), series.firstSlot().end(),
                over, target);
    }

    private Announcement announcement(Meeting meeting, UUID key, String joinUrl, String code, Announcement.Repeats repeats,
                                      Instant start, Instant end, boolean gone, Announcement.Target target) {
        return new Announcement(gone ? Announcement.Event.CANCELLED : Announcement.Event.CHANGED, key, meeting.title(),
                meeting.agenda(), code, start, end, meeting.timeZone().getId(), meeting.host().name(), joinUrl,
                attendees(meeting), List.of(target), repeats);
    }

    /** The invitees as the copy's attendees: the calendar provider invites them itself. */
    private static List<Announcement.Attendee> attendees(Meeting meeting) {
        return meeting.invitees().stream().filter(p -> p.email() != null)
                .map(p -> new Announcement.Attendee(p.email(), p.displayName())).toList();
    }

    /** Makes the copy right; answers where it is now (null: none). */
    private String push(Announcement announcement, Announcement.Target target, ServiceConnection connection, Of place, UUID key) {
        String before = copyOf(place, key, connection.id());
        String after = calendars.push(announcement, target, before);
        if (after == null) {
            copies.delete(place, key, connection.id());
        } else if (!after.equals(before)) {
            copies.put(place, key, connection.id(), after);
        }
        LOG.info(() -> "Calendar copy of " + (place == SERIES ? "series " : "meeting ") + key + " in " + connection.provider()
                + ": " + (after == null ? "none" : after));
        return after;
    }

    private String copyOf(Of place, UUID key, UUID connectionId) {
        return copies.externalId(place, key, connectionId).orElse(null);
    }
}
