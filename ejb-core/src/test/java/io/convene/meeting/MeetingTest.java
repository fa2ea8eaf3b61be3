package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.ConflictException;
import io.convene.user.User;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:55:00Z");
    private final User host = user("host");
    private final User ann = user("ann");
    private final Meeting meeting = new Meeting(host, "Weekly", null,
            new TimeSlot(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z")),
            ZoneId.of("Europe/Berlin"), "1234567890", NOW);

    private static User user(String name) {
        return new User("sub-" + name, name, name + "@example.com", ZoneId.of("UTC"), NOW);
    }

    @Test
    void participantsWaitForTheHostUnlessTheyMayJoinBeforeHim() {
        Participation p = meeting.enter(ann, NOW);
        assertThat(p.state()).isEqualTo(ParticipationState.WAITING);

        meeting.enter(host, NOW);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(p.state()).isEqualTo(ParticipationState.JOINED);
        assertThat(p.admittedAt()).isEqualTo(NOW);
    }

    @Test
    void joinBeforeHostLetsParticipantsStraightIn() {
        meeting.changeSettings(new MeetingSettings(true, true, true));

        assertThat(meeting.enter(ann, NOW).state()).isEqualTo(ParticipationState.JOINED);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void inAWebinarTheAudienceIsNeitherSeenNorHeardUntilAHostMakesThemAPanelist() {
        meeting.changeSettings(new MeetingSettings(true, true, false, false, true));
        Participation hostIn = meeting.enter(host, NOW);
        Participation p = meeting.enter(ann, NOW);
        assertThat(meeting.onStage(hostIn)).isTrue();
        assertThat(meeting.onStage(p)).as("the audience").isFalse();
        assertThat(p.audioOn() || p.videoOn()).as("entered with nothing on").isFalse();
        assertThatThrownBy(() -> meeting.audio(p, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meeting.video(p, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meeting.startScreenShare(p)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meeting.makePanelist(hostIn)).isInstanceOf(ConflictException.class);

        meeting.makePanelist(p);
        assertThat(meeting.onStage(p)).isTrue();
        meeting.audio(p, true);
        meeting.video(p, true);
        meeting.startScreenShare(p);

        meeting.moveToAudience(p);
        assertThat(meeting.onStage(p)).isFalse();
        assertThat(p.audioOn() || p.videoOn() || p.sharingScreen()).as("all off back in the audience").isFalse();

        meeting.makeCoHost(p);
        meeting.video(p, true);
        meeting.makeParticipant(p);
        assertThat(meeting.onStage(p)).as("a former co-host stays on the stage").isTrue();
        assertThat(p.videoOn()).as("as they were").isTrue();
        assertThatThrownBy(() -> meeting.changeSettings(MeetingSettings.defaults())).as("live: no longer a webinar")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aPanelistMadeSoTwiceKeepsTheirMicrophoneAndSomeoneRemovedReturnsToTheAudience() {
        meeting.changeSettings(new MeetingSettings(true, true, true, false, true));
        Participation p = meeting.enter(ann, NOW);
        assertThatThrownBy(() -> meeting.changeSettings(MeetingSettings.defaults())).as("someone is in, before the host")
                .isInstanceOf(ConflictException.class);
        meeting.makePanelist(p);
        meeting.audio(p, true);
        meeting.makePanelist(p); // a second co-host's click
        assertThat(p.audioOn()).as("still speaking").isTrue();

        meeting.remove(p, NOW);
        meeting.allowBack(p);
        assertThat(p.isPanelist()).as("let back in: the audience").isFalse();
    }

    @Test
    void outsideAWebinarEveryoneIsOnStageAndThereAreNoPanelists() {
        meeting.enter(host, NOW);
        Participation p = meeting.enter(ann, NOW);
        assertThat(meeting.onStage(p)).isTrue();
        assertThatThrownBy(() -> meeting.makePanelist(p)).isInstanceOf(ConflictException.class).hasMessageContaining("webinar");
    }

    @Test
    void theWaitingRoomHoldsParticipantsEvenWhenTheHostIsIn() {
        meeting.changeAccess(true, null);
        meeting.enter(host, NOW);

        assertThat(meeting.enter(ann, NOW).state()).isEqualTo(ParticipationState.WAITING);
        assertThat(meeting.participationOf(host).orElseThrow().state()).isEqualTo(ParticipationState.JOINED);
    }

    @Test
    void inviteesAnswerTheHostDoesNotAndACancelledMeetingTakesNoMoreAnswers() {
        meeting.invite(null, "ann@example.com", NOW);

        Participation answered = meeting.answerInvitation(ann, InvitationAnswer.TENTATIVE, NOW);
        assertThat(answered.answer()).isEqualTo(InvitationAnswer.TENTATIVE);
        assertThat(meeting.answerInvitation(ann, InvitationAnswer.ACCEPTED, NOW.plusSeconds(60)).answeredAt())
                .isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> meeting.answerInvitation(host, InvitationAnswer.ACCEPTED, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.answerInvitation(user("bob"), InvitationAnswer.ACCEPTED, NOW))
                .isInstanceOf(ConflictException.class);

        meeting.cancel();
        assertThatThrownBy(() -> meeting.answerInvitation(ann, InvitationAnswer.DECLINED, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cancelled");
        assertThat(answered.answer()).isEqualTo(InvitationAnswer.ACCEPTED);
    }

    @Test
    void anInvitationByEmailBecomesTheUsersOwnParticipation() {
        meeting.invite(null, "ann@example.com", NOW);
        assertThat(meeting.concerns(ann)).isTrue();

        meeting.changeSettings(new MeetingSettings(true, true, true));
        Participation p = meeting.enter(ann, NOW);

        assertThat(p.user()).isSameAs(ann);
        assertThat(p.invitedAt()).isEqualTo(NOW);
        assertThat(meeting.participations()).hasSize(2);
    }

    @Test
    void theLinksPasscodeKeyStandsForThePasscodeUntilThePasscodeChanges() {
        assertThat(meeting.passcodeKey()).as("no passcode, no key").isNull();
        meeting.protectWith(Passcode.hash("2468"));
        String key = meeting.passcodeKey();

        assertThat(key).hasSize(32).doesNotContain("2468").isEqualTo(meeting.passcodeKey());
        assertThat(meeting.passcodeKeyIs(key)).isTrue();
        assertThat(meeting.passcodeKeyIs(key.substring(1) + "x")).isFalse();
        assertThat(meeting.passcodeKeyIs(null)).isFalse();
        meeting.protectWith(Passcode.hash("2468"));
        assertThat(meeting.passcodeKeyIs(key)).as("a new passcode (even the same digits) makes a new key").isFalse();
    }

    @Test
    void passcodeIsAskedOfEveryoneButTheHost() {
        meeting.protectWith(Passcode.hash("2468"));

        meeting.checkPasscode(host, null);
        meeting.checkPasscode(ann, "2468");
        assertThatThrownBy(() -> meeting.checkPasscode(ann, "1357")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Wrong passcode");
        assertThatThrownBy(() -> meeting.checkPasscode(null, null)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("This meeting needs a passcode");
    }

    @Test
    void guestsOnlyWhenAllowed() {
        assertThatThrownBy(() -> guestEnters("Visitor", null, null)).isInstanceOf(AccessDeniedException.class);

        meeting.changeAccess(null, true);
        Participation guest = guestEnters("Visitor", null, null);

        assertThat(guest.isGuest()).isTrue();
        assertThat(guest.displayName()).isEqualTo("Visitor");
    }

    @Test
    void aCancelledMeetingCannotBeJoinedOrChanged() {
        meeting.cancel();

        assertThatThrownBy(() -> meeting.enter(ann, NOW)).isInstanceOf(ConflictException.class)
                .hasMessage("This meeting was cancelled");
        assertThatThrownBy(() -> meeting.describe("New", null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void leavingAndComingBack() {
        meeting.enter(host, NOW);
        Participation p = meeting.enter(ann, NOW);
        meeting.leave(p, NOW.plusSeconds(60));
        assertThat(p.state()).isEqualTo(ParticipationState.LEFT);

        meeting.enter(ann, NOW.plusSeconds(120));

        assertThat(p.state()).isEqualTo(ParticipationState.JOINED);
        assertThat(p.joinedAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void codesAndTokens() {
        assertThat(MeetingSecrets.newCode()).matches("[1-9][0-9]{9}");
        assertThat(MeetingSecrets.newJoinToken()).hasSize(43).isNotEqualTo(MeetingSecrets.newJoinToken());
        assertThat(meeting.joinTokenIs(meeting.joinToken())).isTrue();
        assertThat(meeting.joinTokenIs("x" + meeting.joinToken())).isFalse();
    }

    @Test
    void aLockedMeetingKeepsOutNewcomersButNotTheHostOrThoseInside() {
        meeting.changeSettings(new MeetingSettings(true, true, true));
        User bea = user("bea");
        meeting.enter(ann, NOW);
        meeting.lock();

        assertThatThrownBy(() -> meeting.enter(bea, NOW)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("This meeting is locked");
        assertThat(meeting.enter(ann, NOW).state()).isEqualTo(ParticipationState.JOINED);
        assertThat(meeting.enter(host, NOW).state()).isEqualTo(ParticipationState.JOINED);

        meeting.unlock();
        assertThat(meeting.enter(bea, NOW).state()).isEqualTo(ParticipationState.JOINED);
    }

    @Test
    void theRemovedCannotComeBackTheDeniedMayKnockAgain() {
        meeting.changeAccess(true, null);
        meeting.enter(host, NOW);
        Participation p = meeting.enter(ann, NOW);

        meeting.deny(p, NOW);
        assertThat(p.state()).isEqualTo(ParticipationState.DENIED);
        assertThat(meeting.enter(ann, NOW).state()).isEqualTo(ParticipationState.WAITING);

        meeting.admit(p, NOW);
        assertThat(p.state()).isEqualTo(ParticipationState.JOINED);
        meeting.remove(p, NOW);
        assertThat(p.state()).isEqualTo(ParticipationState.REMOVED);
        assertThatThrownBy(() -> meeting.enter(ann, NOW)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("You were removed from this meeting");
        assertThatThrownBy(() -> meeting.remove(meeting.participationOf(host).orElseThrow(), NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void admitAllEmptiesTheWaitingRoom() {
        meeting.changeAccess(true, null);
        meeting.enter(host, NOW);
        meeting.enter(ann, NOW);
        meeting.enter(user("bea"), NOW);

        assertThat(meeting.admitAll(NOW)).hasSize(2)
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(ParticipationState.JOINED));
        assertThatThrownBy(() -> meeting.admit(meeting.participationOf(ann).orElseThrow(), NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void handingOverMakesTheOldHostACoHost() {
        meeting.changeSettings(new MeetingSettings(true, true, true));
        Participation hostP = meeting.enter(host, NOW);
        Participation annP = meeting.enter(ann, NOW);

        meeting.makeCoHost(annP);
        assertThat(meeting.isRunBy(ann)).isTrue();
        meeting.handOverTo(annP);

        assertThat(meeting.host()).isSameAs(ann);
        assertThat(annP.role()).isEqualTo(MeetingRole.HOST);
        assertThat(hostP.role()).isEqualTo(MeetingRole.CO_HOST);
    }

    @Test
    void endingSendsEveryoneHome() {
        meeting.changeSettings(new MeetingSettings(true, true, true));
        Participation annP = meeting.enter(ann, NOW);
        meeting.enter(host, NOW);

        meeting.endForAll(NOW.plusSeconds(60));

        assertThat(meeting.status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(annP.state()).isEqualTo(ParticipationState.LEFT);
        assertThatThrownBy(() -> meeting.enter(ann, NOW)).isInstanceOf(ConflictException.class);
        assertThat(meeting.nextEventSeq()).isEqualTo(1);
        assertThat(meeting.nextEventSeq()).isEqualTo(2);
    }

    @Test
    void attendanceAddsUpEveryVisitAndCountsRejoins() {
        meeting.enter(host, NOW);
        Participation p = meeting.enter(ann, NOW);
        meeting.leave(p, NOW.plusSeconds(600));
        meeting.enter(ann, NOW.plusSeconds(900));
        meeting.hand(p, true, NOW.plusSeconds(901));
        meeting.hand(p, true, NOW.plusSeconds(902));
        meeting.remove(p, NOW.plusSeconds(1200));

        ParticipantActivity activity = p.activity();
        assertThat(activity.firstJoinedAt()).isEqualTo(NOW);
        assertThat(activity.joins()).isEqualTo(2);
        assertThat(activity.attendedSeconds()).isEqualTo(900);
        assertThat(activity.handsRaised()).isEqualTo(1);
    }

    @Test
    void waitingIsNotAttending() {
        meeting.changeAccess(true, null);
        meeting.enter(host, NOW);
        Participation p = meeting.enter(ann, NOW);
        meeting.endForAll(NOW.plusSeconds(300));

        assertThat(p.activity().joins()).isZero();
        assertThat(p.activity().attendedSeconds()).isZero();
        assertThat(p.activity().firstJoinedAt()).isNull();
    }

    @Test
    void movingAMeetingAsksForANewReminder() {
        meeting.reminded(NOW);
        meeting.reschedule(new TimeSlot(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T11:00:00Z")),
                ZoneId.of("Europe/Berlin"));
        assertThat(meeting.remindedAt()).as("only the end moved").isEqualTo(NOW);

        meeting.reschedule(new TimeSlot(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z")),
                ZoneId.of("Europe/Berlin"));
        assertThat(meeting.remindedAt()).isNull();
        assertThat(meeting.reminderMinutes()).isEqualTo(MeetingReminder.DEFAULT_MINUTES);
    }
    @Test
    void aRemovedGuestIsKnownByTheirBrowserOrEarlierTicketUntilTheHostLetsThemBack() {
        meeting.changeAccess(null, true);
        meeting.enter(host, NOW);
        Participation rex = guestEnters("Rex", "browser-1", null);
        meeting.remove(rex, NOW);

        assertThatThrownBy(() -> guestEnters("Rex again", "browser-1", null))
                .isInstanceOf(AccessDeniedException.class).hasMessage("You were removed from this meeting");
        assertThatThrownBy(() -> guestEnters("Rex again", "browser-2", rex.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(guestEnters("Someone else", "browser-3", null).state())
                .isEqualTo(ParticipationState.JOINED);

        meeting.allowBack(rex);
        assertThat(guestEnters("Rex, sorry", "browser-1", rex.id()).state())
                .isEqualTo(ParticipationState.JOINED);
        assertThatThrownBy(() -> meeting.allowBack(rex)).isInstanceOf(ConflictException.class);
    }

    @Test
    void nobodyWaitingOrRemovedSeesTheMeetingNorGetsPrivateMessages() {
        meeting.changeAccess(true, null);
        Participation h = meeting.enter(host, NOW);
        Participation a = meeting.enter(ann, NOW);

        assertThat(a.state()).isEqualTo(ParticipationState.WAITING);
        assertThat(a.maySeeMeeting()).isFalse();
        assertThatThrownBy(() -> meeting.requireMayChat(h, a)).isInstanceOf(ConflictException.class);

        meeting.admit(a, NOW);
        assertThat(a.maySeeMeeting()).isTrue();
        meeting.requireMayChat(h, a);

        meeting.remove(a, NOW);
        assertThat(a.maySeeMeeting()).isFalse();
        assertThatThrownBy(() -> meeting.requireMayChat(h, a)).isInstanceOf(ConflictException.class);
    }

    /** A guest enters, with the answers the service reads from the database taken from the meeting at hand. */
    private Participation guestEnters(String name, String device, UUID earlier) {
        List<Participation> removedGuests = meeting.participations().stream()
                .filter(p -> p.isGuest() && p.state() == ParticipationState.REMOVED).toList();
        boolean hostPresent = meeting.participations().stream()
                .anyMatch(p -> p.role() == MeetingRole.HOST && p.state() == ParticipationState.JOINED);
        return meeting.enterAsGuest(name, device, earlier, removedGuests, hostPresent, NOW);
    }
}
