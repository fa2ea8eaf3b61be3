package io.convene.integration;

import io.convene.meeting.JoinLinks;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingSeries;
import io.convene.meeting.MeetingStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @EJB
    IntegrationGateway gateway;

    @Inject
    JoinLinks links;

    void push(Meeting meeting, Announcement.Target target, ServiceConnection connection) {
        if (meeting.series().isEmpty()) {
            push(announcement(meeting, meeting.id(), links.of(meeting), meeting.code(), null, meeting.slot().start(),
                    meeting.slot().end(), meeting.status() == MeetingStatus.CANCELLED, target), target, connection,
                    MEETINGS, meeting.id());
            return;
        }
        MeetingSeries series = meeting.series().get();
        List<Meeting> all = em.createQuery("select m from Meeting m where m.series = :s order by m.occurrenceStart", Meeting.class)
                .setParameter("s", series).getResultList();
        boolean changedAlone = meeting.isDetached() && meeting.status() != MeetingStatus.CANCELLED;
        String seriesCopy = copyOf(SERIES, series.id(), connection.id());
        if (!changedAlone || seriesCopy == null) {
            seriesCopy = push(seriesAnnouncement(series, all, meeting, target), target, connection, SERIES, series.id());
        }
        if (changedAlone && seriesCopy != null) {
            push(announcement(meeting, meeting.id(), links.of(series, meeting), series.code(),
                    Announcement.Repeats.occurrence(meeting.occurrenceStart(), seriesCopy), meeting.slot().start(),
                    meeting.slot().end(), false, target), target, connection, MEETINGS, meeting.id());
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

    /** Where copies are kept: of single meetings (and of a series' meetings changed alone), and of series. */
    private record Place(String table, String key) {
    }

    private static final Place MEETINGS = new Place("calendar_copies", "meeting_id");
    static final Place SERIES = new Place("calendar_series_copies", "series_id");

    /** Makes the copy right; answers where it is now (null: none). */
    private String push(Announcement announcement, Announcement.Target target, ServiceConnection connection, Place place, UUID key) {
        String before = copyOf(place, key, connection.id());
        String after = gateway.pushToCalendar(announcement, target, before);
        if (after == null) {
            em.createNativeQuery("delete from " + place.table() + " where " + place.key() + " = ?1 and connection_id = ?2")
                    .setParameter(1, key).setParameter(2, connection.id()).executeUpdate();
        } else if (!after.equals(before)) {
            em.createNativeQuery("insert into " + place.table() + " (" + place.key() + ", connection_id, external_id)"
                            + " values (?1, ?2, ?3) on conflict (" + place.key() + ", connection_id)"
                            + " do update set external_id = excluded.external_id")
                    .setParameter(1, key).setParameter(2, connection.id()).setParameter(3, after).executeUpdate();
        }
        LOG.info(() -> "Calendar copy of " + (place == SERIES ? "series " : "meeting ") + key + " in " + connection.provider()
                + ": " + (after == null ? "none" : after));
        return after;
    }

    private String copyOf(Place place, UUID key, UUID connectionId) {
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select external_id from " + place.table() + " where " + place.key()
                        + " = ?1 and connection_id = ?2")
                .setParameter(1, key).setParameter(2, connectionId).getResultList();
        return known.isEmpty() ? null : known.get(0);
    }
}
