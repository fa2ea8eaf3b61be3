package io.convene.media;

import io.convene.media.MediaServer.IceCandidate;
import io.convene.media.MediaServer.MediaListener;
import io.convene.media.MediaServer.Negotiation;
import io.convene.meeting.EventAudience;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.MeetingStatus;
import io.convene.meeting.Participation;
import io.convene.meeting.ParticipationState;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.ConflictException;
import io.convene.shared.UnavailableException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Signalling between a participant's browser and the media server, carried by the meeting channel
 * (docs/media.md): publishing one's camera or screen, receiving others' feeds, trickle ICE, hanging
 * up. Only participants admitted to a live meeting get media; a published feed is announced to
 * everyone as {@code media.published} once its media reaches the server, and its end as
 * {@code media.unpublished}. Media server failures come as {@link MediaFailure}.
 */
@Stateless
public class MeetingMedia {

    private static final Logger LOG = Logger.getLogger(MeetingMedia.class.getName());

    @EJB
    MediaServer media;

    @Inject
    MeetingRepository meetings;

    @Inject
    MeetingEventLog events;

    /**
     * A link and the media room it is in (the meeting's, or a breakout room's); {@code webinar}: the
     * meeting is one, so a host may send its publisher back to the audience at any moment.
     */
    public record Placed(Negotiation negotiation, UUID room, boolean webinar) {
    }

    /**
     * Publishes the participant's camera or screen in the media room they are in now; the answer to
     * the browser's offer comes back.
     */
    public Placed publish(UUID meetingId, UUID participationId, Feed.Kind kind, String offerSdp,
                          MediaListener listener) {
        Meeting meeting = read(meetingId);
        Participation p = admitted(meeting, participationId);
        meeting.requireOnStage(p);
        Feed feed = new Feed(p.id(), kind);
        UUID room = meeting.mediaRoomOf(p);
        MediaServer.Reach reach = meeting.settings().webinar() ? MediaServer.Reach.AUDIENCE : MediaServer.Reach.ROOM;
        Negotiation answer = media.publish(room, feed, p.displayName(), offerSdp, reach, listener);
        if (kind == Feed.Kind.CAMERA && !p.audioOn()) {
            try {
                media.muteAudio(answer.link(), true);
            } catch (RuntimeException e) {
                media.hangUp(answer.link());
                throw e;
            }
        }
        LOG.info(() -> "Participation " + participationId + " publishes " + feed.id() + " in meeting " + meetingId
                + (room.equals(meetingId) ? "" : " (breakout room " + room + ")"));
        return new Placed(answer, room, meeting.settings().webinar());
    }

    /**
     * A published feed's media reached the server: everyone may receive it now (not before: the
     * media server has nothing to forward until then), so everyone is told.
     */
    public void announce(UUID meetingId, Feed feed, UUID room) {
        Meeting meeting = locked(meetingId);
        if (stillThere(meeting, feed, room)) {
            events.record(meeting, "media.published", described(meeting, feed, room), EventAudience.ALL, null);
        }
    }

    /**
     * Receives another participant's feed, in the same media room only (no one hears another
     * breakout room): the media server's offer comes back, to be answered with {@link #start}.
     */
    public Placed subscribe(UUID meetingId, UUID participationId, Feed feed, MediaListener listener) {
        Meeting meeting = read(meetingId);
        Participation subscriber = admitted(meeting, participationId);
        UUID room = meeting.mediaRoomOf(subscriber);
        Participation publisher = meeting.participation(feed.participationId()).orElseThrow(MeetingService::notFound);
        if (!room.equals(meeting.mediaRoomOf(publisher))) {
            throw new AccessDeniedException("That feed is in another room of the meeting");
        }
        MediaServer.Reach reach = meeting.settings().webinar() && !meeting.onStage(subscriber)
                ? MediaServer.Reach.AUDIENCE : MediaServer.Reach.ROOM;
        return new Placed(media.subscribe(room, feed, reach, listener), room, meeting.settings().webinar());
    }

    /** The feeds published where the participant is now (the meeting's room or their breakout room). */
    public List<Feed> feeds(UUID meetingId, UUID participationId) {
        Meeting meeting = read(meetingId);
        return media.feeds(meeting.mediaRoomOf(admitted(meeting, participationId)));
    }

    /** Whether the participant may publish now: not when a host has sent them back to a webinar's audience. */
    public boolean onStage(UUID meetingId, UUID participationId) {
        Meeting meeting = meetings.byId(meetingId).orElseThrow(MeetingService::notFound);
        return meeting.onStage(meeting.participation(participationId).orElseThrow(MeetingService::notFound));
    }

    /** The media room the participant is in now (their links elsewhere are to end). */
    public UUID roomOf(UUID meetingId, UUID participationId) {
        Meeting meeting = meetings.byId(meetingId).orElseThrow(MeetingService::notFound);
        return meeting.mediaRoomOf(meeting.participation(participationId).orElseThrow(MeetingService::notFound));
    }

    public void start(String link, String answerSdp) {
        media.start(link, answerSdp);
    }

    public void trickle(String link, IceCandidate candidate) {
        media.trickle(link, candidate);
    }

    /** The layer a subscription receives of a simulcast feed (its tile's size, the network's state). */
    public void chooseQuality(String link, MediaServer.Quality quality) {
        media.chooseQuality(link, quality);
    }

    /** The participant's microphone as the meeting has it (muted by themselves or a host): the server follows. */
    public void followAudio(String link, boolean on) {
        media.muteAudio(link, !on);
    }

    /**
     * Ends a link; for a published feed whose participant is still in the meeting, everyone is told
     * (who left, was removed or saw the meeting end learned it from that event already).
     */
    public void hangUp(UUID meetingId, String link, Feed published, UUID room) {
        media.hangUp(link);
        if (published != null) {
            ended(meetingId, published, room);
        }
    }

    /**
     * A published feed is gone (hung up by its page, or lost by the media server first, as when the
     * page closed its connection before its hang-up arrived): while its participant is still in
     * the meeting, everyone is told.
     */
    public void ended(UUID meetingId, Feed published, UUID room) {
        Meeting meeting = locked(meetingId);
        if (meeting.status() == MeetingStatus.LIVE && meeting.participation(published.participationId())
                .filter(p -> p.state() == ParticipationState.JOINED).isPresent()) {
            events.record(meeting, "media.unpublished", described(meeting, published, room), EventAudience.ALL, null);
        }
    }

    /** Whether the feed's participant is still in the meeting, in the media room the feed was published in. */
    private static boolean stillThere(Meeting meeting, Feed feed, UUID room) {
        return meeting.status() == MeetingStatus.LIVE && meeting.participation(feed.participationId())
                .filter(p -> p.state() == ParticipationState.JOINED && room.equals(meeting.mediaRoomOf(p))).isPresent();
    }

    /** A feed as events tell it; {@code room} names the breakout room it is in (absent: the main room). */
    private static jakarta.json.JsonObjectBuilder described(Meeting meeting, Feed feed, UUID room) {
        jakarta.json.JsonObjectBuilder d = feed.describe();
        return room.equals(meeting.id()) ? d : d.add("room", room.toString());
    }

    private Meeting read(UUID meetingId) {
        if (!media.configured()) {
            throw new UnavailableException("Media is off: no media server is configured");
        }
        return meetings.byId(meetingId).orElseThrow(MeetingService::notFound);
    }

    private Meeting locked(UUID meetingId) {
        return meetings.lockedByReference(meetingId.toString()).orElseThrow(MeetingService::notFound);
    }

    private static Participation admitted(Meeting meeting, UUID participationId) {
        if (meeting.status() != MeetingStatus.LIVE) {
            throw new ConflictException("The meeting is not live");
        }
        Participation p = meeting.participation(participationId).orElseThrow(MeetingService::notFound);
        if (p.state() != ParticipationState.JOINED) {
            throw new AccessDeniedException("Only participants admitted to the meeting get media");
        }
        return p;
    }
}
