package io.convene.integration.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.notification.MeetingMail;
import io.convene.notification.NoticeKind;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class InvitationCalendarTest {

    private static MeetingMail mail(NoticeKind kind, int sequence, String passcode) {
        return mail(kind, sequence, passcode, null);
    }

    private static MeetingMail mail(NoticeKind kind, int sequence, String passcode, MeetingMail.Repeats repeats) {
        return new MeetingMail("pablo@example.com", "Pablo", kind, "Budget review", "m-1@convene", sequence,
                "Budget review", "1. Numbers", Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"),
                ZoneId.of("Europe/Berlin"), "Hana Host", "hana@example.com", "https://convene.example/join/123?t=abc",
                "1234567890", passcode, repeats);
    }

    @Test
    void aSeriesCarriesItsRuleAndItsCancelledOccurrencesAndAnOccurrenceItsRecurrenceId() throws Exception {
        MeetingMail.Repeats series = new MeetingMail.Repeats("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=5", "every week on Tuesday, 5 times",
                List.of(Instant.parse("2026-12-08T08:00:00Z")), null);
        VEvent event = new CalendarBuilder().build(new StringReader(InvitationCalendar.of(mail(NoticeKind.INVITED, 0, null, series))
                .toString())).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getProperty("RRULE").orElseThrow().getValue().split(";"))
                .containsExactlyInAnyOrder("FREQ=WEEKLY", "INTERVAL=1", "BYDAY=TU", "COUNT=5");
        assertThat(event.getProperty("EXDATE").orElseThrow().toString().trim()).isEqualTo("EXDATE;TZID=Europe/Berlin:20261208T090000");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).contains("Repeats every week on Tuesday, 5 times");

        MeetingMail.Repeats one = new MeetingMail.Repeats(null, null, List.of(), Instant.parse("2026-12-15T08:00:00Z"));
        VEvent moved = new CalendarBuilder().build(new StringReader(InvitationCalendar.of(mail(NoticeKind.CHANGED, 1, null, one))
                .toString())).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(moved.getProperty("RECURRENCE-ID").orElseThrow().toString().trim())
                .isEqualTo("RECURRENCE-ID;TZID=Europe/Berlin:20261215T090000");
        assertThat(moved.getProperty("RRULE")).isEmpty();
    }

    @Test
    void anInvitationIsARequestInTheMeetingsZone() throws Exception {
        String text = InvitationCalendar.of(mail(NoticeKind.INVITED, 0, "2468")).toString();

        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertThat(parsed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(parsed.getComponent("VTIMEZONE").orElseThrow().getProperty("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        VEvent event = parsed.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("m-1@convene");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20261201T090000")
                .contains("DTEND;TZID=Europe/Berlin:20261201T100000");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
                .contains("https://convene.example/join/123?t=abc").contains("Passcode: 2468");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:pablo@example.com");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
    }

    @Test
    void aCancellationKeepsTheUidAndCarriesTheNextSequence() throws Exception {
        String text = InvitationCalendar.of(mail(NoticeKind.CANCELLED, 3, null)).toString();

        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertThat(parsed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = parsed.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("m-1@convene");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("3");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).doesNotContain("Join:");
    }
}
