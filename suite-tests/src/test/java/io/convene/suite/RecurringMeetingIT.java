package io.convene.suite;

import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.demoPassword;
import static io.convene.suite.ConveneSuite.text;
import static io.convene.suite.Meetings.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.suite.ErasureBoundariesIT.Person;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A recurring meeting from the home page in Chromium against the whole suite: a host schedules a
 * weekly meeting on Mondays and Thursdays, four times, with two colleagues; both find its meetings in
 * their own lists; the invitation the SMTP server received holds the RRULE. The host moves the second
 * meeting alone: the invitees get that occurrence's update (RECURRENCE-ID, no rule) and nothing about
 * the rest of the series; the other meetings keep their times.
 */
class RecurringMeetingIT extends SignedInPeople {

    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Test
    void aWeeklyMeetingFromHomeAndOneOfItsMeetingsMovedAlone() {
        Person rhea = ErasureBoundariesIT.register("Rhea Recurring");
        Person remy = ErasureBoundariesIT.register("Remy Recurring");
        try (Console hana = Console.open(1200, 900)) {
            HomeIT.signInAtHome(hana, HOST, demoPassword());
            hana.click(By.cssSelector("#nav a[href='/home/schedule']"));
            hana.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Schedule a meeting"));
            ZoneId zone = ZoneId.of(hana.browser.findElement(By.id("time-zone")).getAttribute("value"));
            LocalDate monday = LocalDate.now(zone).plusDays(20 + ThreadLocalRandom.current().nextInt(10))
                    .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            LocalDateTime first = monday.atTime(LocalTime.of(6 + ThreadLocalRandom.current().nextInt(10), 35));

            hana.type(By.id("title"), "Weekly planning");
            HomeIT.setDateAndTime(hana, first.toLocalDate(), first.toLocalTime());
            hana.browser.findElement(By.cssSelector("#repeats option[value='WEEKLY']")).click();
            hana.wait.until(ExpectedConditions.elementSelectionStateToBe(By.id("day-monday"), true));
            hana.click(By.id("day-thursday"));
            hana.type(By.id("repeat-count"), "1");
            HomeIT.invite(hana, "Rhea", Keys.ENTER);
            HomeIT.invite(hana, "Remy", Keys.ENTER);
            long hers = count("select count(*) from meetings m join users u on u.id = m.host_id where u.email = '" + HOST + "'");
            hana.click(By.id("schedule-save"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recurrence-error"), "must be between 2 and 100"));
            assertThat(count("select count(*) from meetings m join users u on u.id = m.host_id where u.email = '" + HOST + "'"))
                    .as("nothing written").isEqualTo(hers);
            hana.type(By.id("repeat-count"), "4");
            hana.click(By.id("schedule-save"));
            hana.wait.withMessage(hana::describe).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-series"),
                    "every week on Monday, Thursday, 4 times"));
            String firstId = hana.browser.getCurrentUrl().replaceAll(".*/home/meetings/", "");
            String series = text("select series_id from meetings where id = '" + firstId + "'");
            assertThat(text("select string_agg(to_char(starts_at at time zone '" + zone.getId() + "', 'Dy DD HH24:MI'), ','"
                    + " order by starts_at) from meetings where series_id = '" + series + "'")).isEqualTo(
                    List.of(first, first.plusDays(3), first.plusDays(7), first.plusDays(10)).stream()
                            .map(t -> t.format(DateTimeFormatter.ofPattern("EEE dd HH:mm", java.util.Locale.ENGLISH)))
                            .reduce((a, b) -> a + "," + b).orElseThrow());
            assertThat(count("select count(*) from participations p join meetings m on m.id = p.meeting_id"
                    + " where m.series_id = '" + series + "' and p.invited_at is not null")).isEqualTo(8);

            String uid = series + "@convene";
            EmailInvitesIT.Invite invitation = EmailInvitesIT.awaitInvites(rhea.email(), uid, 1).get(0);
            assertThat(invitation.event("RRULE").split(";"))
                    .containsExactlyInAnyOrder("FREQ=WEEKLY", "INTERVAL=1", "BYDAY=MO,TH", "COUNT=4");
            assertThat(invitation.calendarText()).contains("DTSTART;TZID=" + zone.getId() + ":" + first.format(ICS));
            assertThat(invitation.text()).contains("Repeats every week on Monday, Thursday, 4 times");

            for (Person invitee : List.of(rhea, remy)) {
                try (Console page = Console.open(1000, 800)) {
                    HomeIT.signInAtHome(page, invitee.email(), "Boundary-pass-1");
                    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upcoming"), "Weekly planning"));
                    assertThat(page.texts("#upcoming li .what a")).containsExactly("Weekly planning", "Weekly planning",
                            "Weekly planning", "Weekly planning");
                }
            }

            // the second meeting (Thursday) an hour later, alone
            hana.click(By.cssSelector("#nav a[href='/home']"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upcoming"), "Weekly planning"));
            hana.browser.findElements(By.linkText("Weekly planning")).get(1).click();
            hana.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Weekly planning"));
            String secondId = hana.browser.getCurrentUrl().replaceAll(".*/home/meetings/", "");
            hana.click(By.id("edit-meeting"));
            hana.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Edit \"Weekly planning\""));
            assertThat(hana.browser.findElement(By.id("scope-occurrence")).isSelected()).isTrue();
            LocalDateTime second = first.plusDays(3);
            HomeIT.setDateAndTime(hana, second.toLocalDate(), second.toLocalTime().plusHours(1));
            hana.click(By.id("schedule-save"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-series"), "changed on its own"));

            List<EmailInvitesIT.Invite> mails = EmailInvitesIT.awaitInvites(rhea.email(), uid, 2);
            EmailInvitesIT.Invite moved = mails.get(1);
            assertThat(moved.calendarText()).contains("RECURRENCE-ID;TZID=" + zone.getId() + ":" + second.format(ICS))
                    .contains("DTSTART;TZID=" + zone.getId() + ":" + second.plusHours(1).format(ICS)).doesNotContain("RRULE");
            assertThat(mails).as("only that occurrence's update").hasSize(2);
            assertThat(text("select string_agg(to_char(starts_at at time zone '" + zone.getId() + "', 'HH24:MI') || detached, ','"
                    + " order by occurrence_start) from meetings where series_id = '" + series + "'")).isEqualTo(
                    String.join(",", first.toLocalTime() + "false", first.toLocalTime().plusHours(1) + "true",
                            first.toLocalTime() + "false", first.toLocalTime() + "false"));
            assertThat(text("select id from meetings where series_id = '" + series + "' and detached")).isEqualTo(secondId);
        }
    }
}
