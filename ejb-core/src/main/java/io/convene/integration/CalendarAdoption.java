package io.convene.integration;

import io.convene.meeting.MeetingDetails;
import io.convene.meeting.MeetingDraft;
import io.convene.meeting.MeetingService;
import io.convene.shared.Caller;
import io.convene.user.IdentityProvider;
import io.convene.user.User;
import io.convene.user.UserStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An event someone made in their own Google or Outlook calendar and marked as a Convene meeting (the
 * marker in its title, location or description) becomes one: hosted by the calendar's owner (when
 * they may host), at the event's time, its title, its description as the agenda, its attendees
 * invited; a recurring event (its RRULE as far as Convene repeats meetings) becomes a series. The
 * event becomes the meeting's (or series') copy, so the next push gives it the join link (and the
 * provider tells its attendees), and later moves there move the meeting.
 */
@Stateless
public class CalendarAdoption {

    private static final Logger LOG = Logger.getLogger(CalendarAdoption.class.getName());

    @jakarta.inject.Inject
    CalendarCopyStore copies;

    @jakarta.inject.Inject
    io.convene.user.UserRepository users;

    @EJB
    MeetingService meetings;

    @EJB
    IdentityProvider identity;

    /**
     * Schedules the meeting and records the event as its copy, in a transaction of its own; answers
     * the meeting, or nothing when the owner may not host or the time cannot be a meeting (in the past,
     * colliding with another of theirs): the event then stays as it is.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<MeetingDetails> adopt(ServiceConnection connection, CalendarChanges.Change event) {
        User owner = connection.userId() == null ? null : users.byId(connection.userId()).orElse(null);
        if (owner == null || owner.subject() == null || owner.status() == UserStatus.DISABLED || event.start() == null
                || event.end() == null) {
            return Optional.empty();
        }
        Caller caller = new Caller(owner.subject(), owner.name(), owner.email(), identity.realmRoles(owner.subject()), null,
                owner.emailVerified());
        if (!caller.mayHost()) {
            LOG.info(() -> "Calendar event " + event.externalId() + " of user " + owner.id() + " is marked, but they may not host");
            return Optional.empty();
        }
        String title = event.title() == null || event.title().isBlank() ? "Meeting" : event.title().strip();
        String zone = zoneOf(event.timeZone(), owner);
        List<String> invitees = event.attendees().stream().filter(a -> !a.equalsIgnoreCase(owner.email())).limit(500).toList();
        io.convene.meeting.RecurrenceInput repeats = event.rule() == null ? null
                : io.convene.meeting.RecurrenceInput.ofRrule(event.rule(), ZoneId.of(zone));
        MeetingDetails meeting = meetings.schedule(caller, new MeetingDraft(title.length() > 200 ? title.substring(0, 200) : title,
                agenda(event.text()), event.start().toString(), event.end().toString(), zone, null, null, null, null,
                invitees, null, repeats, null));
        if (repeats == null) {
            copies.adopted(CalendarCopyStore.Of.MEETING, meeting.id(), connection.id(), event.externalId());
        } else { // a recurring event: a series, whose copy it is
            copies.adopted(CalendarCopyStore.Of.SERIES, meeting.id(), connection.id(), event.externalId());
        }
        LOG.info(() -> "Calendar event " + event.externalId() + " of user " + owner.id() + " became meeting " + meeting.id());
        return Optional.of(meeting);
    }

    private static String zoneOf(String given, User owner) {
        try {
            return given == null || given.isBlank() || "UTC".equals(given) ? owner.timeZone().getId() : ZoneId.of(given).getId();
        } catch (RuntimeException unknownZone) {
            return owner.timeZone().getId();
        }
    }

    private static String agenda(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String agenda = text.strip();
        return agenda.length() > 10_000 ? agenda.substring(0, 10_000) : agenda;
    }
}
