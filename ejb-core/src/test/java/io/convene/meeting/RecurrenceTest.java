package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Recurrence.Frequency;
import io.convene.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Wednesday. */
    private static final LocalDateTime FIRST = LocalDateTime.parse("2027-01-06T10:00");

    @Test
    void weeklyOnTwoDaysCountsTheFirstMeetingAndKeepsTheWallClock() {
        Recurrence rule = Recurrence.checked(Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), 5, null, FIRST);

        assertThat(rule.starts(FIRST)).containsExactly(FIRST, LocalDateTime.parse("2027-01-11T10:00"),
                LocalDateTime.parse("2027-01-13T10:00"), LocalDateTime.parse("2027-01-18T10:00"),
                LocalDateTime.parse("2027-01-20T10:00"));
        assertThat(rule.rrule(BERLIN, FIRST)).isEqualTo("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=5");
        assertThat(Recurrence.parse(rule.rrule(BERLIN, FIRST), BERLIN)).isEqualTo(rule);
    }

    @Test
    void everyOtherWeekUntilADateWrittenAsTheEndOfThatDayInUtc() {
        Recurrence rule = Recurrence.checked(Frequency.WEEKLY, 2, null, null, LocalDate.parse("2027-02-03"), FIRST);

        assertThat(rule.starts(FIRST)).containsExactly(FIRST, LocalDateTime.parse("2027-01-20T10:00"),
                LocalDateTime.parse("2027-02-03T10:00"));
        assertThat(rule.rrule(BERLIN, FIRST)).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270203T225959Z");
        assertThat(Recurrence.parse(rule.rrule(BERLIN, FIRST), BERLIN).until()).isEqualTo(LocalDate.parse("2027-02-03"));
    }

    @Test
    void dailyAndMonthlySkippingMonthsWithoutThatDay() {
        assertThat(Recurrence.checked(Frequency.DAILY, 1, null, 3, null, FIRST).starts(FIRST)).extracting(LocalDateTime::getDayOfMonth)
                .containsExactly(6, 7, 8);
        LocalDateTime lastDay = LocalDateTime.parse("2027-01-31T09:00");
        List<LocalDateTime> monthly = Recurrence.checked(Frequency.MONTHLY, 1, null, 4, null, lastDay).starts(lastDay);
        assertThat(monthly).extracting(LocalDateTime::toLocalDate).containsExactly(LocalDate.parse("2027-01-31"),
                LocalDate.parse("2027-03-31"), LocalDate.parse("2027-05-31"), LocalDate.parse("2027-07-31"));
    }

    @Test
    void aSeriesStopsAtAHundredMeetingsOrTwoYears() {
        assertThat(Recurrence.checked(Frequency.DAILY, 1, null, 100, null, FIRST).starts(FIRST)).hasSize(100);
        assertThat(Recurrence.checked(Frequency.WEEKLY, 1, null, null, LocalDate.parse("2029-01-06"), FIRST).starts(FIRST))
                .hasSize(100);
        assertThat(Recurrence.checked(Frequency.MONTHLY, 1, null, null, LocalDate.parse("2029-01-06"), FIRST).starts(FIRST))
                .hasSize(25).last().isEqualTo(LocalDateTime.parse("2029-01-06T10:00"));
    }

    @Test
    void badRulesAreNamedByTheirFields() {
        assertThatThrownBy(() -> Recurrence.checked(Frequency.DAILY, 0, Set.of(DayOfWeek.MONDAY), null, null, FIRST))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("recurrence.interval", "recurrence.days", "recurrence.count"));
        assertThatThrownBy(() -> Recurrence.checked(Frequency.WEEKLY, 1, null, 101, null, FIRST))
                .hasMessageContaining("between 2 and 100");
        assertThatThrownBy(() -> Recurrence.checked(Frequency.WEEKLY, 1, null, null, LocalDate.parse("2030-01-01"), FIRST))
                .hasMessageContaining("two years".replace("two", "2"));
        assertThatThrownBy(() -> Recurrence.checked(Frequency.WEEKLY, 1, null, null, FIRST.toLocalDate(), FIRST))
                .hasMessageContaining("after the first meeting's day");
    }

    @Test
    void aCalendarsRuleIsReadAsFarAsConveneRepeatsMeetings() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        RecurrenceInput weekly = RecurrenceInput.ofRrule("FREQ=WEEKLY;WKST=SU;BYDAY=TU,TH;INTERVAL=2;UNTIL=20270301T225959Z", berlin);
        assertThat(weekly).isEqualTo(new RecurrenceInput(Frequency.WEEKLY, 2, List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                null, "2027-03-01"));
        assertThat(RecurrenceInput.ofRrule("RRULE:FREQ=DAILY;COUNT=5", berlin))
                .isEqualTo(new RecurrenceInput(Frequency.DAILY, null, null, 5, null));
        assertThat(RecurrenceInput.ofRrule("FREQ=WEEKLY;BYDAY=MO", berlin).count()).as("no end: as many as a series holds")
                .isEqualTo(Recurrence.MOST);
        assertThat(RecurrenceInput.ofRrule("FREQ=MONTHLY;UNTIL=20270630", berlin).until()).isEqualTo("2027-06-30");
        for (String beyond : List.of("FREQ=YEARLY;COUNT=3", "FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "FREQ=WEEKLY;BYSETPOS=1")) {
            assertThatThrownBy(() -> RecurrenceInput.ofRrule(beyond, berlin)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Convene repeats daily, weekly on days or monthly");
        }
    }
}
