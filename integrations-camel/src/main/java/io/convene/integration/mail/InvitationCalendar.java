package io.convene.integration.mail;

import io.convene.notification.MeetingMail;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (RFC 5545) invitation of a meeting mail, as an iTIP (RFC 5546) REQUEST or CANCEL: one
 * VEVENT with the meeting's stable UID and this version's SEQUENCE, local times with their
 * VTIMEZONE, the organizer and the one attendee it is sent to. Calendars that got an earlier
 * SEQUENCE update their entry in place.
 */
final class InvitationCalendar {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private InvitationCalendar() {
    }

    static Calendar of(MeetingMail mail) {
        TimeZone zone = ZONES.getTimeZone(mail.zone().getId());
        if (zone == null) {
            throw new IllegalArgumentException("No VTIMEZONE known for " + mail.zone());
        }
        ZonedDateTime start = mail.start().atZone(mail.zone());
        ZonedDateTime end = mail.end().atZone(mail.zone());
        VEvent event = new VEvent(start, end, mail.title());
        event.add(new Uid(mail.uid()));
        event.add(new Sequence(mail.sequence()));
        event.add(organizer(mail));
        event.add(attendee(mail));
        event.add(new Location(mail.joinUrl()));
        event.add(new Url(URI.create(mail.joinUrl())));
        event.add(new Description(MailText.body(mail)));
        event.add(mail.cancels() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        repeats(event, mail);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Convene//Convene meetings//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(mail.cancels() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(zone.getVTimeZone());
        calendar.add(event);
        return calendar;
    }

    /**
     * A whole series: its RRULE and the occurrences cancelled on their own (EXDATE); one occurrence:
     * RECURRENCE-ID, the start the rule gave it — local times in the meeting's zone, as DTSTART.
     */
    private static void repeats(VEvent event, MeetingMail mail) {
        MeetingMail.Repeats repeats = mail.recurrence();
        if (repeats == null) {
            return;
        }
        ParameterList zone = new ParameterList(List.of(new TzId(mail.zone().getId())));
        if (repeats.wholeSeries()) {
            event.add(new RRule<>(repeats.rule()));
            if (!repeats.exceptions().isEmpty()) {
                event.add(new ExDate<>(zone, repeats.exceptions().stream().map(i -> LOCAL.format(i.atZone(mail.zone())))
                        .collect(Collectors.joining(","))));
            }
        } else {
            event.add(new RecurrenceId<>(zone, LOCAL.format(repeats.occurrence().atZone(mail.zone()))));
        }
    }

    private static Organizer organizer(MeetingMail mail) {
        Organizer organizer = new Organizer(URI.create("mailto:" + mail.organizerEmail()));
        organizer.add(new Cn(mail.organizerName()));
        return organizer;
    }

    private static Attendee attendee(MeetingMail mail) {
        Attendee attendee = new Attendee(URI.create("mailto:" + mail.to()));
        attendee.add(new Cn(mail.toName()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        attendee.add(Rsvp.TRUE);
        return attendee;
    }

}
