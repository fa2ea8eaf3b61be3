package io.convene.meeting;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.convene.audit.AuditTrails;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.FiredEvents;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import io.convene.user.UserPorts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The host controls against the meeting repository in memory: who may use which, what each does to
 * the meeting, what the channel announces and to whom, what the audit trail keeps.
 */
class MeetingControlsTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    private final FiredEvents<MeetingNews> news = new FiredEvents<>();
    private final FiredEvents<MeetingLifecycle.Ended> ended = new FiredEvents<>();
    private final MeetingControls controls = new MeetingControls();

    private final Cast cast = world.cast();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob(), cid = cast.cid();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();

    MeetingControlsTest() {

        controls.meetings = world.meetings;
        controls.users = world.userService;
        controls.events = world.eventLog;
        controls.audit = AuditTrails.of(audit, UserPorts.auditedPeople(world.userService), world.clock);
        controls.links = MeetingFixtures.joinLinks();
        controls.clock = world.clock;
        controls.news = news;
        controls.ended = ended;
    }

    private Participation p(User user) {
        return world.of(meeting, user);
    }

    private MeetingDetails control(User actor, ControlAction action, Participation target) {
        return controls.control(callerOf(actor, Caller.HOST), ref, new ControlRequest(action, target == null ? null : target.id()));
    }

    private Meeting withWaitingRoom() {
        Meeting m = world.meeting(host);
        m.changeAccess(true, null);
        m.enter(host, world.clock.instant());
        return m;
    }

    private void audited(ControlAction action, User actor, Participation target) {
        assertThat(audit.all()).extracting("meetingId", "actorUserId", "action", "targetParticipationId")
                .containsExactly(tuple(meeting.id(), actor.id(), action.name(), target == null ? null : target.id()));
    }

    @Test
    void admittingSomeoneFromTheWaitingRoomLetsThemInTellsEveryoneAndIsAudited() {
        Meeting m = withWaitingRoom();
        Participation annWaiting = m.enter(ann, world.clock.instant());
        assertThat(annWaiting.state()).isEqualTo(ParticipationState.WAITING);

        MeetingDetails details = controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.ADMIT, annWaiting.id()));

        assertThat(annWaiting.state()).isEqualTo(ParticipationState.JOINED);
        assertThat(details.participants()).filteredOn(x -> x.participationId().equals(annWaiting.id()))
                .extracting(MeetingDetails.Participant::state).containsExactly(ParticipationState.JOINED);
        MeetingEvent admitted = world.events.last(m.id(), "participant.admitted");
        assertThat(admitted.about()).isEqualTo(annWaiting.id());
        assertThat(admitted.isVisibleTo(UUID.randomUUID(), false, null)).isTrue();
        assertThat(news.fired()).singleElement().isInstanceOfSatisfying(MeetingNews.Admitted.class,
                a -> assertThat(a.admitted()).containsExactly(annWaiting));
        assertThat(audit.all()).extracting("meetingId", "actorUserId", "action", "targetParticipationId")
                .containsExactly(tuple(m.id(), host.id(), "ADMIT", annWaiting.id()));
    }

    @Test
    void aDenialIsToldToTheOneDeniedAndTheHostsOnlyAndOnlySomeoneWaitingIsAdmittedOrDenied() {
        Meeting m = withWaitingRoom();
        Participation annWaiting = m.enter(ann, world.clock.instant());
        Participation hostP = m.participationOf(host).orElseThrow();

        assertThatThrownBy(() -> controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.ADMIT, hostP.id())))
                .isInstanceOf(ConflictException.class).hasMessage("Only someone in the waiting room can be admitted");
        assertThat(world.events.typesOf(m.id())).isEmpty();
        assertThat(audit.all()).isEmpty();

        controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.DENY, annWaiting.id()));

        assertThat(annWaiting.state()).isEqualTo(ParticipationState.DENIED);
        MeetingEvent denied = world.events.last(m.id(), "participant.denied");
        assertThat(denied.isAddressedTo(annWaiting.id())).isTrue();
        assertThat(denied.isVisibleTo(hostP.id(), true, null)).isTrue();
        assertThat(denied.isVisibleTo(UUID.randomUUID(), false, null)).isFalse();
        assertThat(news.fired()).isEmpty();
        assertThatThrownBy(() -> controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.DENY, annWaiting.id())))
                .isInstanceOf(ConflictException.class).hasMessage("Only someone in the waiting room can be denied");
    }

    @Test
    void admittingEveryoneLetsAllWaitingInWithOneNotice() {
        Meeting m = withWaitingRoom();
        Participation annWaiting = m.enter(ann, world.clock.instant());
        Participation bobWaiting = m.enter(bob, world.clock.instant());

        controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.ADMIT_ALL, null));

        assertThat(List.of(annWaiting, bobWaiting)).allSatisfy(x -> assertThat(x.state()).isEqualTo(ParticipationState.JOINED));
        assertThat(world.events.typesOf(m.id())).containsExactly("participant.admitted", "participant.admitted");
        assertThat(news.fired()).singleElement().isInstanceOfSatisfying(MeetingNews.Admitted.class,
                a -> assertThat(a.admitted()).containsExactlyInAnyOrder(annWaiting, bobWaiting));
    }

    @Test
    void participantsMayNotUseTheControlsAndToStrangersTheMeetingDoesNotExist() {
        assertThatThrownBy(() -> control(ann, ControlAction.MUTE, p(bob)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts may do this");
        User stranger = world.person("stranger");
        assertThatThrownBy(() -> control(stranger, ControlAction.MUTE, p(bob))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controls.control(callerOf(host), UUID.randomUUID().toString(),
                new ControlRequest(ControlAction.LOCK, null))).isInstanceOf(NotFoundException.class);

        assertThat(p(bob).audioOn()).isTrue();
        assertThat(world.events.typesOf(meeting.id())).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aCoHostRunsTheRoomButEndingAndChangingWhoRunsItStayWithTheHost() {
        control(host, ControlAction.MAKE_CO_HOST, p(ann));
        audit.clear();

        control(ann, ControlAction.MUTE, p(bob));
        assertThat(p(bob).audioOn()).isFalse();
        audited(ControlAction.MUTE, ann, p(bob));

        assertThatThrownBy(() -> control(ann, ControlAction.END, null))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host may do this");
        assertThatThrownBy(() -> control(ann, ControlAction.MAKE_CO_HOST, p(bob)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host may do this");
        assertThatThrownBy(() -> control(ann, ControlAction.MAKE_HOST, p(ann)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host may do this");
        assertThat(meeting.status()).isEqualTo(MeetingStatus.LIVE);
        assertThat(p(bob).role()).isEqualTo(MeetingRole.PARTICIPANT);
    }

    @Test
    void anAdministratorControlsAnyMeetingButNotWhoRunsIt() {
        User admin = world.person("admin");
        Caller adminCaller = callerOf(admin, Caller.ADMIN);

        controls.control(adminCaller, ref, new ControlRequest(ControlAction.LOCK, null));
        assertThat(meeting.isLocked()).isTrue();
        audited(ControlAction.LOCK, admin, null);

        assertThatThrownBy(() -> controls.control(adminCaller, ref, new ControlRequest(ControlAction.MAKE_CO_HOST, p(ann).id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(p(ann).role()).isEqualTo(MeetingRole.PARTICIPANT);

        assertThatThrownBy(() -> controls.control(callerOf(bob, Caller.ADMIN), ref,
                new ControlRequest(ControlAction.MAKE_HOST, p(bob).id())))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host may do this");
        assertThat(meeting.host()).isEqualTo(host);
    }

    @Test
    void mutingOneAnnouncesTheirMicrophoneAndMutingAllSparesTheHostsAndCoHosts() {
        control(host, ControlAction.MAKE_CO_HOST, p(cid));

        control(host, ControlAction.MUTE, p(ann));
        assertThat(p(ann).audioOn()).isFalse();
        MeetingEvent media = world.events.last(meeting.id(), "participant.media");
        assertThat(media.about()).isEqualTo(p(ann).id());
        assertThat(media.payload()).contains("\"audio\":false");

        long before = world.events.typesOf(meeting.id()).size();
        control(host, ControlAction.MUTE_ALL, null);
        assertThat(p(bob).audioOn()).isFalse();
        assertThat(p(host).audioOn()).isTrue();
        assertThat(p(cid).audioOn()).isTrue();
        List<MeetingEvent> after = world.events.after(meeting.id(), before, 100);
        assertThat(after).extracting(MeetingEvent::type).containsExactly("participant.media");
        assertThat(after.get(0).about()).isEqualTo(p(bob).id());
    }

    @Test
    void forbiddingUnmutingAndPrivateChatIsAnnouncedToEveryone() {
        control(host, ControlAction.FORBID_UNMUTE, null);
        control(host, ControlAction.FORBID_PRIVATE_CHAT, null);

        assertThat(meeting.unmuteAllowed()).isFalse();
        assertThat(meeting.privateChatAllowed()).isFalse();
        assertThat(world.events.last(meeting.id(), "meeting.unmute").payload()).isEqualTo("{\"allowed\":false}");
        assertThat(world.events.last(meeting.id(), "meeting.private-chat").payload()).isEqualTo("{\"allowed\":false}");
        assertThatThrownBy(() -> meeting.audio(p(ann), true)).isInstanceOf(AccessDeniedException.class);

        control(host, ControlAction.ALLOW_UNMUTE, null);
        assertThat(world.events.last(meeting.id(), "meeting.unmute").payload()).isEqualTo("{\"allowed\":true}");
    }

    @Test
    void someoneRemovedIsAnnouncedCannotComeBackUntilLetBackAndTheHostCannotBeRemoved() {
        control(host, ControlAction.REMOVE, p(ann));

        assertThat(p(ann).state()).isEqualTo(ParticipationState.REMOVED);
        assertThat(world.events.last(meeting.id(), "participant.removed").about()).isEqualTo(p(ann).id());
        assertThat(news.fired()).singleElement().isInstanceOfSatisfying(MeetingNews.Removed.class,
                r -> assertThat(r.removed()).isSameAs(p(ann)));
        assertThatThrownBy(() -> meeting.enter(ann, world.clock.instant()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("You were removed from this meeting");

        control(host, ControlAction.ALLOW_BACK, p(ann));
        MeetingEvent back = world.events.last(meeting.id(), "participant.allowed-back");
        assertThat(back.isVisibleTo(p(ann).id(), false, null)).isFalse();
        assertThat(back.isVisibleTo(p(host).id(), true, null)).isTrue();
        assertThat(meeting.enter(ann, world.clock.instant()).state()).isEqualTo(ParticipationState.JOINED);

        assertThatThrownBy(() -> control(host, ControlAction.REMOVE, p(host)))
                .isInstanceOf(ConflictException.class).hasMessage("The host cannot be removed; hand the meeting over first");
        assertThat(audit.all()).extracting("action").containsExactly("REMOVE", "ALLOW_BACK");
    }

    @Test
    void aLockedMeetingKeepsNewcomersOutUntilUnlocked() {
        control(host, ControlAction.LOCK, null);

        User late = world.person("late");
        assertThatThrownBy(() -> meeting.enter(late, world.clock.instant()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("This meeting is locked");
        control(host, ControlAction.UNLOCK, null);
        assertThat(meeting.enter(late, world.clock.instant()).state()).isEqualTo(ParticipationState.JOINED);
        assertThat(world.events.typesOf(meeting.id())).containsExactly("meeting.locked", "meeting.unlocked");
    }

    @Test
    void aCoHostIsPromotedAndDemotedWithTheRoleAnnouncedButAGuestCannotBePromoted() {
        control(host, ControlAction.MAKE_CO_HOST, p(ann));

        assertThat(p(ann).role()).isEqualTo(MeetingRole.CO_HOST);
        MeetingEvent role = world.events.last(meeting.id(), "participant.role");
        assertThat(role.about()).isEqualTo(p(ann).id());
        assertThat(role.payload()).contains("\"role\":\"CO_HOST\"");

        Participation gina = world.guest(meeting, "Gina");
        assertThatThrownBy(() -> control(host, ControlAction.MAKE_CO_HOST, gina))
                .isInstanceOf(ConflictException.class).hasMessage("Only a signed-in participant can be made co-host");

        control(host, ControlAction.MAKE_PARTICIPANT, p(ann));
        assertThat(p(ann).role()).isEqualTo(MeetingRole.PARTICIPANT);
        assertThat(world.events.last(meeting.id(), "participant.role").payload()).contains("\"role\":\"PARTICIPANT\"");
        assertThatThrownBy(() -> control(ann, ControlAction.MUTE, p(bob))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> control(host, ControlAction.MAKE_PARTICIPANT, p(ann)))
                .isInstanceOf(ConflictException.class).hasMessage("Only a co-host can be demoted");
    }

    @Test
    void handingOverMakesTheNewHostAndAnnouncesBothRoles() {
        control(host, ControlAction.MAKE_HOST, p(ann));

        assertThat(meeting.host()).isEqualTo(ann);
        assertThat(p(ann).role()).isEqualTo(MeetingRole.HOST);
        assertThat(p(host).role()).isEqualTo(MeetingRole.CO_HOST);
        List<MeetingEvent> roles = world.events.after(meeting.id(), 0, 100);
        assertThat(roles).extracting(MeetingEvent::type).containsExactly("participant.role", "participant.role");
        assertThat(roles).extracting(MeetingEvent::about).containsExactly(p(host).id(), p(ann).id());

        assertThatThrownBy(() -> control(host, ControlAction.END, null))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host may do this");
        control(ann, ControlAction.END, null);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ENDED);
    }

    @Test
    void endingSendsEveryoneHomeAnnouncesItAndLeavesNothingMoreToControl() {
        Participation gina = world.guest(meeting, "Gina");

        control(host, ControlAction.END, null);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.ENDED);
        assertThat(meeting.participations()).allSatisfy(x -> assertThat(x.state()).isEqualTo(ParticipationState.LEFT));
        assertThat(gina.state()).isEqualTo(ParticipationState.LEFT);
        assertThat(world.events.typesOf(meeting.id())).containsExactly("meeting.ended");
        assertThat(ended.fired()).containsExactly(new MeetingLifecycle.Ended(meeting.id()));
        audited(ControlAction.END, host, null);

        assertThatThrownBy(() -> control(host, ControlAction.LOCK, null))
                .isInstanceOf(ConflictException.class).hasMessage("This meeting has ended");
        assertThat(ended.fired()).hasSize(1);
        assertThat(audit.all()).hasSize(1);
    }

    @Test
    void anActionOnSomeoneNamesAParticipantOfThisMeeting() {
        assertThatThrownBy(() -> control(host, ControlAction.REMOVE, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("participationId: this action needs the participant it acts on");
        assertThatThrownBy(() -> controls.control(callerOf(host), ref, new ControlRequest(ControlAction.REMOVE, UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class).hasMessage("No such participant in this meeting");
        Meeting other = world.live(bob, ann);
        assertThatThrownBy(() -> controls.control(callerOf(host), ref,
                new ControlRequest(ControlAction.REMOVE, other.participationOf(ann).orElseThrow().id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(p(ann).state()).isEqualTo(ParticipationState.JOINED);
    }

    @Test
    void aHostLowersSomeonesHand() {
        meeting.hand(p(bob), true, world.clock.instant());

        control(host, ControlAction.LOWER_HAND, p(bob));

        assertThat(p(bob).handRaisedAt()).isNull();
        MeetingEvent hand = world.events.last(meeting.id(), "participant.hand");
        assertThat(hand.about()).isEqualTo(p(bob).id());
        assertThat(hand.payload()).contains("\"hand\":false");
    }

    @Test
    void aHostMakesSomeoneOfAWebinarsAudienceAPanelistAndSendsThemBackEveryoneIsToldAndItIsAudited() {
        Meeting m = world.meeting(host);
        m.changeSettings(new MeetingSettings(true, true, false, false, true));
        m.enter(host, world.clock.instant());
        Participation annIn = m.enter(ann, world.clock.instant());

        controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.MAKE_PANELIST, annIn.id()));
        assertThat(m.onStage(annIn)).isTrue();
        MeetingEvent onStage = world.events.last(m.id(), "participant.role");
        assertThat(onStage.about()).isEqualTo(annIn.id());
        assertThat(onStage.payload()).contains("\"panelist\":true");

        m.video(annIn, true);
        controls.control(callerOf(host), m.code(), new ControlRequest(ControlAction.MAKE_AUDIENCE, annIn.id()));
        assertThat(m.onStage(annIn)).isFalse();
        assertThat(world.events.last(m.id(), "participant.role").payload()).contains("\"panelist\":false", "\"video\":false");
        assertThat(audit.all()).extracting("action").containsExactly("MAKE_PANELIST", "MAKE_AUDIENCE");

        assertThatThrownBy(() -> controls.control(callerOf(ann), m.code(), new ControlRequest(ControlAction.MAKE_PANELIST, annIn.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onTheChannelTheParticipantItWasOpenedForActsWithTheirMeetingRoleOnly() {
        control(host, ControlAction.MAKE_CO_HOST, p(ann));

        controls.controlAs(meeting.id(), p(ann).id(), new ControlRequest(ControlAction.MUTE, p(bob).id()));
        assertThat(p(bob).audioOn()).isFalse();

        assertThatThrownBy(() -> controls.controlAs(meeting.id(), p(cid).id(), new ControlRequest(ControlAction.MUTE, p(bob).id())))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts may do this");
        Participation gina = world.guest(meeting, "Gina");
        assertThatThrownBy(() -> controls.controlAs(meeting.id(), gina.id(), new ControlRequest(ControlAction.LOCK, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts may do this");
        assertThatThrownBy(() -> controls.controlAs(meeting.id(), UUID.randomUUID(), new ControlRequest(ControlAction.LOCK, null)))
                .isInstanceOf(AccessDeniedException.class);

        ann.deactivate();
        assertThatThrownBy(() -> controls.controlAs(meeting.id(), p(ann).id(), new ControlRequest(ControlAction.LOCK, null)))
                .isInstanceOf(AccountDeactivatedException.class);
        assertThat(meeting.isLocked()).isFalse();
        assertThat(audit.all()).extracting("action").containsExactly("MAKE_CO_HOST", "MUTE");
    }
}
