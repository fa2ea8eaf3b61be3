package io.convene.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.meeting.Participation;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.ConflictException;
import io.convene.shared.NotFoundException;
import io.convene.shared.UnavailableException;
import io.convene.user.User;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signalling between participants and the media server: who publishes and receives what, in which room, and what everyone is told. */
class MeetingMediaTest {

    private static final MediaServer.MediaListener LISTENER = (link, state, medium, reason) -> { };

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryMediaServer server = new InMemoryMediaServer();
    private final MeetingMedia media = new MeetingMedia();

    private final Cast cast = world.cast();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob(), cid = cast.cid();
    private final Meeting meeting = cast.meeting();
    private final Participation annIn = world.of(meeting, ann);
    private final Participation bobIn = world.of(meeting, bob);
    private final Participation cidIn = world.of(meeting, cid);

    MeetingMediaTest() {
        media.media = server;
        media.meetings = world.meetings;
        media.events = world.eventLog;
    }

    /** Ann and Cid in one breakout room, open; Bob stays in the main room. */
    private UUID annAndCidInARoom() {
        UUID room = UUID.randomUUID();
        meeting.assign(annIn, room);
        meeting.assign(cidIn, room);
        meeting.openBreakouts(world.clock.instant(), null);
        return room;
    }

    @Test
    void aParticipantPublishesTheirCameraInTheMeetingsRoomUnderTheirName() {
        MeetingMedia.Placed placed = media.publish(meeting.id(), annIn.id(), Feed.Kind.CAMERA, "offer-sdp", LISTENER);

        assertThat(placed.room()).isEqualTo(meeting.id());
        assertThat(placed.negotiation().sdp()).isEqualTo("answer to offer-sdp");
        assertThat(server.calls()).containsExactly("publish " + annIn.id() + "-camera as ann in " + meeting.id());
        assertThat(media.feeds(meeting.id(), bobIn.id())).containsExactly(new Feed(annIn.id(), Feed.Kind.CAMERA));
    }

    @Test
    void inAnOpenBreakoutRoomOnesMediaIsThatRoomsAndNobodyElsewhereReceivesIt() {
        UUID room = annAndCidInARoom();

        MeetingMedia.Placed placed = media.publish(meeting.id(), annIn.id(), Feed.Kind.SCREEN, "offer", LISTENER);
        Feed screen = new Feed(annIn.id(), Feed.Kind.SCREEN);

        assertThat(placed.room()).isEqualTo(room);
        assertThat(media.roomOf(meeting.id(), annIn.id())).isEqualTo(room);
        assertThat(media.roomOf(meeting.id(), bobIn.id())).isEqualTo(meeting.id());
        assertThatThrownBy(() -> media.subscribe(meeting.id(), bobIn.id(), screen, LISTENER))
                .isInstanceOf(AccessDeniedException.class).hasMessage("That feed is in another room of the meeting");
        assertThat(media.feeds(meeting.id(), bobIn.id())).isEmpty();

        MeetingMedia.Placed received = media.subscribe(meeting.id(), cidIn.id(), screen, LISTENER);
        assertThat(received.room()).isEqualTo(room);
        assertThat(received.negotiation().sdp()).isEqualTo("offer of " + screen.id());
        assertThat(media.feeds(meeting.id(), cidIn.id())).containsExactly(screen);
        assertThat(server.calls()).containsExactly("publish " + screen.id() + " as ann in " + room,
                "subscribe " + screen.id() + " in " + room);
    }

    @Test
    void aWebinarsFeedsReachItsAudienceWhichMayBeServedApartFromTheStage() {
        Meeting webinar = world.webinar(host, ann, bob);
        Participation hostIn = world.of(webinar, host), annThere = world.of(webinar, ann), bobThere = world.of(webinar, bob);
        Feed hostCamera = new Feed(hostIn.id(), Feed.Kind.CAMERA);

        media.publish(webinar.id(), hostIn.id(), Feed.Kind.CAMERA, "offer", LISTENER);
        media.subscribe(webinar.id(), bobThere.id(), hostCamera, LISTENER);
        media.subscribe(webinar.id(), annThere.id(), hostCamera, LISTENER);
        media.subscribe(meeting.id(), bobIn.id(), new Feed(annIn.id(), Feed.Kind.CAMERA), LISTENER);

        assertThat(server.calls()).containsExactly(
                "publish " + hostCamera.id() + " as host in " + webinar.id() + " for the audience",
                "subscribe " + hostCamera.id() + " in " + webinar.id() + " for the audience",
                "subscribe " + hostCamera.id() + " in " + webinar.id(), // a panelist watches from the stage
                "subscribe " + annIn.id() + "-camera in " + meeting.id()); // no audience in a meeting
    }

    @Test
    void onlyParticipantsOfALiveMeetingGetMediaAndOnlyWhileAMediaServerIsConfigured() {
        Meeting later = world.meeting(host);
        UUID hostLater = world.of(later, host).id();
        assertThatThrownBy(() -> media.publish(later.id(), hostLater, Feed.Kind.CAMERA, "offer", LISTENER))
                .isInstanceOf(ConflictException.class).hasMessage("The meeting is not live");
        assertThatThrownBy(() -> media.publish(meeting.id(), UUID.randomUUID(), Feed.Kind.CAMERA, "offer", LISTENER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media.subscribe(meeting.id(), bobIn.id(), new Feed(UUID.randomUUID(), Feed.Kind.CAMERA), LISTENER))
                .isInstanceOf(NotFoundException.class);

        server.off();
        assertThatThrownBy(() -> media.publish(meeting.id(), annIn.id(), Feed.Kind.CAMERA, "offer", LISTENER))
                .isInstanceOf(UnavailableException.class).hasMessage("Media is off: no media server is configured");
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void aFeedIsAnnouncedToEveryoneOnceItsMediaArrivesNamingItsBreakoutRoom() {
        Feed camera = new Feed(bobIn.id(), Feed.Kind.CAMERA);
        media.announce(meeting.id(), camera, meeting.id());
        assertThat(world.events.last(meeting.id(), "media.published").payload()).isEqualTo("{\"feed\":\"" + camera.id()
                + "\",\"participationId\":\"" + bobIn.id() + "\",\"kind\":\"camera\"}");

        UUID room = annAndCidInARoom();
        Feed screen = new Feed(annIn.id(), Feed.Kind.SCREEN);
        media.announce(meeting.id(), screen, room);
        assertThat(world.events.last(meeting.id(), "media.published").payload()).isEqualTo("{\"feed\":\"" + screen.id()
                + "\",\"participationId\":\"" + annIn.id() + "\",\"kind\":\"screen\",\"room\":\"" + room + "\"}");
    }

    @Test
    void aFeedWhosePublisherMovedToAnotherRoomMeanwhileIsNotAnnounced() {
        Feed camera = new Feed(annIn.id(), Feed.Kind.CAMERA);
        annAndCidInARoom();

        media.announce(meeting.id(), camera, meeting.id());

        assertThat(world.events.typesOf(meeting.id())).doesNotContain("media.published");
    }

    @Test
    void hangingUpAPublishedFeedTellsEveryoneAndHangingUpAReceptionTellsNobody() {
        MeetingMedia.Placed published = media.publish(meeting.id(), annIn.id(), Feed.Kind.CAMERA, "offer", LISTENER);
        MeetingMedia.Placed received = media.subscribe(meeting.id(), bobIn.id(), new Feed(annIn.id(), Feed.Kind.CAMERA), LISTENER);

        media.hangUp(meeting.id(), received.negotiation().link(), null, meeting.id());
        assertThat(world.events.typesOf(meeting.id())).doesNotContain("media.unpublished");

        media.hangUp(meeting.id(), published.negotiation().link(), new Feed(annIn.id(), Feed.Kind.CAMERA), meeting.id());
        assertThat(world.events.last(meeting.id(), "media.unpublished").payload())
                .contains("\"feed\":\"" + annIn.id() + "-camera\"");
        assertThat(server.calls()).endsWith("hangUp " + received.negotiation().link(), "hangUp " + published.negotiation().link());
    }

    @Test
    void theEndOfAFeedInAMeetingNotLiveIsToldToNobody() {
        Meeting later = world.meeting(host);

        media.ended(later.id(), new Feed(world.of(later, host).id(), Feed.Kind.CAMERA), later.id());

        assertThat(world.events.typesOf(later.id())).isEmpty();
    }

    @Test
    void theServerFollowsTheMicrophoneAsTheMeetingHasItAndTheBrowsersAnswersAndCandidates() {
        media.followAudio("link-7", false);
        media.followAudio("link-7", true);
        media.start("link-8", "answer-sdp");
        media.trickle("link-8", null);
        media.chooseQuality("link-8", MediaServer.Quality.NONE);

        assertThat(server.calls()).containsExactly("mute link-7", "unmute link-7", "start link-8 with answer-sdp",
                "trickle link-8 end", "quality NONE for link-8");
    }
}
