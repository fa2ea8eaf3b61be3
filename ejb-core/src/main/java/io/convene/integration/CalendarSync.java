package io.convene.integration;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRole;
import io.convene.meeting.MeetingService;
import io.convene.meeting.MeetingStatus;
import io.convene.meeting.SchedulingConflictException;
import io.convene.meeting.TimeSlot;
import io.convene.notification.NoticeKind;
import io.convene.notification.Notices;
import io.convene.platform.Sealing;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import io.convene.shared.NotFoundException;
import io.convene.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Reads back what hosts changed in their own calendars (Google, Outlook) on the copies of their
 * meetings (one occurrence of a series' recurring event standing for that meeting of the series): a
 * copy moved there moves the meeting (and everyone is told, as for any change) unless the new time
 * collides with another of the host's meetings; a copy deleted there is forgotten and the host told
 * that the meeting itself is still on; the attendees' answers there become theirs. An event marked
 * as a Convene meeting becomes one ({@link CalendarAdoption}); other events are none of Convene's business.
 */
@Stateless
public class CalendarSync {

    private static final Logger LOG = Logger.getLogger(CalendarSync.class.getName());

    @Inject
    ConnectionRepository connections;

    @Inject
    CalendarCopyStore copies;

    @Inject
    io.convene.meeting.MeetingRepository meetingRepository;

    @EJB
    CalendarProviders calendars;

    @EJB
    MeetingService meetings;

    @Inject
    UserService users;

    @Inject
    Sealing sealing;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    @EJB
    ConnectionHealth health;

    @EJB
    CalendarAdoption adoption;

    /** What makes an event in someone's calendar a Convene meeting (in its title, location or description, any case). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "convene.calendar.marker", defaultValue = "Convene meeting")
    String marker;

    /** What one read of a calendar did. */
    public record Report(int read, int moved, int deleted, int conflicts, int answers, int adopted) {
    }

    /** Syncs the caller's own calendar now; a provider that refused, or an address refused, is a 503 with the reason. */
    public Report syncMine(Caller caller) {
        UUID me = users.current(caller).id();
        ServiceConnection c = connections.ofUser(me, List.of(Provider.GOOGLE, Provider.MICROSOFT)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No calendar connected"));
        try {
            return sync(c);
        } catch (IntegrationFailedException e) {
            health.failed(c.id(), e.getMessage());
            LOG.warning(() -> "Calendar sync of connection " + c.id() + " failed: "
                    + (e instanceof OutboundCallRefusedException refused ? refused.detail() : e.getMessage()));
            throw new io.convene.shared.UnavailableException(c.provider() + " could not be read: " + e.getMessage());
        }
    }

    /** Syncs every connected calendar that no other node is syncing right now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void syncAll(CalendarSync self) {
        List<UUID> ids = connections.idsOf(List.of(Provider.GOOGLE, Provider.MICROSOFT));
        for (UUID id : ids) {
            try {
                self.syncOne(id);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Calendar sync of connection " + id + " failed; next round tries again: " + e);
            }
        }
    }

    /** One connection, locked (SKIP LOCKED) so that two nodes never read the same calendar at once. */
    public void syncOne(UUID connectionId) {
        connections.byIdUnlessBusy(connectionId).ifPresent(this::sync);
    }

    private Report sync(ServiceConnection c) {
        Announcement.Target target = c.target(sealing);
        CalendarChanges changes = calendars.pullChanges(target, c.syncToken());
        int moved = 0;
        int deleted = 0;
        int conflicts = 0;
        int answers = 0;
        int adopted = 0;
        List<CalendarChanges.Change> read = new java.util.ArrayList<>(changes.changes());
        read.sort(java.util.Comparator.comparing(change -> change.rule() == null)); // a series' event before its occurrences
        for (CalendarChanges.Change change : read) {
            UUID copyOf = copyOf(CalendarCopyStore.Of.MEETING, c, change.externalId());
            UUID series = copyOf == null ? copyOf(CalendarCopyStore.Of.SERIES, c, change.externalId()) : null;
            if (series != null) { // a series' recurring event itself
                answers += seriesChanged(c, series, change);
                continue;
            }
            if (copyOf == null && change.occurrence()) { // one occurrence of a series' event: that meeting of the series
                UUID of = copyOf(CalendarCopyStore.Of.SERIES, c, change.series());
                copyOf = of == null ? null : meetings.ofSeriesAt(of, change.originalStart()).orElse(null);
            }
            if (copyOf == null) { // not Convene's: unless marked as a Convene meeting, none of its business
                if (!change.cancelled() && change.marked(marker)) {
                    try {
                        adopted += adoption.adopt(c, change).isPresent() ? 1 : 0;
                    } catch (DomainException refused) {
                        LOG.info(() -> "Marked event " + change.externalId() + " of connection " + c.id()
                                + " did not become a meeting: " + refused.getMessage());
                    }
                }
                continue;
            }
            Meeting meeting = meetingRepository.byId(copyOf).orElse(null);
            if (meeting != null && !change.cancelled() && !change.answers().isEmpty()) { // the provider invited them: their answers
                answers += meetings.answersFromCalendar(meeting.id(), change.answers());
            }
            if (meeting == null || meeting.status() != MeetingStatus.SCHEDULED) {
                continue;
            }
            if (change.cancelled()) {
                copies.forget(CalendarCopyStore.Of.MEETING, c.id(), change.externalId());
                notices.publish(NoticeKind.CALENDAR_DELETED, meeting, hostOf(meeting));
                deleted++;
            } else if (change.start() != null && change.end() != null
                    && !new TimeSlot(change.start(), change.end()).equals(meeting.slot())) {
                try {
                    meetings.moveFromCalendar(meeting.id(), new TimeSlot(change.start(), change.end()));
                    moved++;
                } catch (SchedulingConflictException e) {
                    notices.publish(NoticeKind.CALENDAR_CONFLICT, meeting, hostOf(meeting));
                    conflicts++;
                }
            }
        }
        c.synced(changes.nextSyncToken(), clock.instant());
        Report report = new Report(changes.changes().size(), moved, deleted, conflicts, answers, adopted);
        LOG.info(() -> "Calendar of connection " + c.id() + " synced: " + report);
        return report;
    }

    /** The Convene thing (meeting or series) whose copy in this calendar is {@code externalId}, if any. */
    private UUID copyOf(CalendarCopyStore.Of of, ServiceConnection c, String externalId) {
        return copies.keyOf(of, c.id(), externalId).orElse(null);
    }

    /**
     * A series' recurring event as the calendar has it: deleted there, it is forgotten and the host
     * told that the series is still on; its attendees' answers are theirs for the series' meetings
     * ahead. Its times are Convene's to change (a series is moved in Convene; one meeting of it may
     * be moved in the calendar). Answers how many answers changed.
     */
    private int seriesChanged(ServiceConnection c, UUID seriesId, CalendarChanges.Change change) {
        if (change.cancelled()) {
            copies.delete(CalendarCopyStore.Of.SERIES, seriesId, c.id());
            meetings.nextOfSeries(seriesId).ifPresent(next -> notices.publish(NoticeKind.CALENDAR_DELETED, next, hostOf(next)));
            return 0;
        }
        return change.answers().isEmpty() ? 0 : meetings.seriesAnswersFromCalendar(seriesId, change.answers());
    }

    private static List<io.convene.meeting.Participation> hostOf(Meeting meeting) {
        return meeting.participations().stream().filter(p -> p.role() == MeetingRole.HOST).toList();
    }
}
