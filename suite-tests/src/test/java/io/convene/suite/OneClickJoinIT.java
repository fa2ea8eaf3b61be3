package io.convene.suite;

import static io.convene.suite.ConveneSuite.demoPassword;
import static io.convene.suite.ConveneSuite.text;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * From the invitation e-mail into the meeting: the link in the mail the SMTP server received carries
 * the passcode's key, so nobody types the passcode; an employee not signed in is sent straight to
 * Keycloak's page (the meeting takes no guests), gives their password and is back inside the meeting; one already signed in to Keycloak
 * opens the next invitation and is inside with no click at all. Printed: clicks and time from opening
 * the link to one's own video at the media server.
 */
class OneClickJoinIT extends SignedInPeople {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/join/\\S+");

    @Test
    void anInvitationsLinkTakesAnEmployeeIntoTheMeetingWithoutTypingThePasscode() {
        String first = schedule(host, with(draft("Quarterly numbers"), "invitees", List.of(PARTICIPANT), "passcode", "8642",
                "settings", Map.of("joinBeforeHost", true))).text("id");
        String second = schedule(host, with(draft("Quarterly follow-up"), "invitees", List.of(PARTICIPANT), "passcode", "1357",
                "settings", Map.of("joinBeforeHost", true))).text("id");
        for (String live : List.of(first, second)) { // the host is in: the meetings are live, with media
            Reply in = ConveneSuite.api().post("/api/meetings/" + live + "/join", host, Map.of());
            assertThat(in.status()).as(in.toString()).isEqualTo(200);
        }
        String firstLink = linkIn(first);
        String secondLink = linkIn(second);
        assertThat(firstLink).as("the passcode itself is not in the link").doesNotContain("8642").contains("&p=");

        try (Console pablo = Console.withMedia()) {
            long opened = System.nanoTime();
            pablo.browser.get(firstLink); // no guests in this meeting: straight on to Keycloak's page, no click
            pablo.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(PARTICIPANT);
            pablo.browser.findElement(By.id("password")).sendKeys(demoPassword());
            pablo.browser.findElement(By.id("kc-login")).click();
            pablo.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)"));
            long notSignedIn = ownVideo(pablo, opened);
            assertThat(inMeeting(first)).isEqualTo("true");
            assertThat(pablo.browser.getCurrentUrl()).doesNotContain("code=");

            pablo.click(By.id("leave"));
            pablo.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
            opened = System.nanoTime();
            pablo.browser.get(secondLink);
            pablo.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)"));
            long signedIn = ownVideo(pablo, opened);
            assertThat(inMeeting(second)).isEqualTo("true");
            assertThat(text("select count(*) from passcode_failures where meeting_id in ('" + first + "', '" + second + "')"))
                    .as("no passcode was tried").isEqualTo("0");
            System.out.printf("OneClickJoinIT figures: from opening the invitation's link to one's own video: not signed in"
                    + " no click but the password on Keycloak's page, %d ms; signed in to Keycloak already, no click, %d ms%n",
                    notSignedIn, signedIn);
        }
    }

    @Test
    void aGuestStillGetsTheNameFormAndAWrongKeyIsAWrongPasscode() {
        Reply meeting = schedule(host, with(draft("Supplier call"), "allowGuests", true, "passcode", "2468",
                "settings", Map.of("joinBeforeHost", true)));
        try (Console guest = Console.withMedia()) {
            guest.browser.get(meeting.text("joinUrl").replaceAll("&p=[^&]*", "&p=forged"));
            guest.type(By.id("display-name"), "Sam Supplier");
            assertThat(guest.browser.findElement(By.id("passcode")).isDisplayed()).as("the link says it has the key").isFalse();
            guest.click(By.id("join"));
            guest.wait.until(ExpectedConditions.textToBe(By.id("join-problem"), "This meeting needs a passcode"));

            guest.browser.get(meeting.text("joinUrl"));
            guest.type(By.id("display-name"), "Sam Supplier");
            guest.click(By.id("join"));
            guest.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)"));
            MeetingRoomIT.audit(guest, "meeting entered from the link");
        }
    }

    /** The join link in the invitation e-mail the participant received for this meeting. */
    private static String linkIn(String meetingId) {
        EmailInvitesIT.Invite invite = EmailInvitesIT.awaitInvites(PARTICIPANT, meetingId + "@convene", 1).get(0);
        Matcher link = LINK.matcher(invite.text());
        assertThat(link.find()).as(invite.text()).isTrue();
        return link.group();
    }

    /** Milliseconds from opening the link until the page's own camera reached the media server. */
    private static long ownVideo(Console page, long openedNanos) {
        page.wait.until(d -> Boolean.TRUE.equals(page.script("return convene.ownVideoAfterMs !== undefined;")));
        return (System.nanoTime() - openedNanos) / 1_000_000;
    }

    /** Whether the participant is in the meeting now, as the database has it. */
    private static String inMeeting(String meetingId) {
        return text("select (p.joined_at is not null and p.left_at is null)::text from participations p join users u"
                + " on u.id = p.user_id where p.meeting_id = '"
                + meetingId + "' and u.email = '" + PARTICIPANT + "'");
    }
}
