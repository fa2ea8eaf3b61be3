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

    /** Publishes the participant's camera or screen; the answer to the browser's offer comes back. */
    public Negotiation publish(UUID meetingId, UUID participationId, Feed.Kind kind, String offerSdp,
                               MediaListener listener) {
        Participation p = admitted(read(meetingId), participationId);
        Feed feed = new Feed(p.id(), kind);
        Negotiation answer = media.publish(meetingId, feed, p.displayName(), offerSdp, listener);
        if (kind == Feed.Kind.CAMERA && !p.audioOn()) {
            try {
                media.muteAudio(answer.link(), true);
            } catch (RuntimeException e) {
                media.hangUp(answer.link());
                throw e;
            }
        }
        LOG.info(() -> "Participation " + participationId + " publishes " + feed.id() + " in meeting " + meetingId);
        return answer;
    }

    /**
     * A published feed's media reached the server: everyone may receive it now (not before: the
     * media server has nothing to forward until then), so everyone is told.
     */
    public void announce(UUID meetingId, Feed feed) {
        Meeting meeting = locked(meetingId);
        if (meeting.status() == MeetingStatus.LIVE && meeting.participation(feed.participationId())
                .filter(p -> p.state() == ParticipationState.JOINED).isPresent()) {
            events.record(meeting, "media.published", feed.describe(), EventAudience.ALL, null);
        }
    }

    /** Receives another participant's feed: the media server's offer comes back, to be answered with {@link #start}. */
    public Negotiation subscribe(UUID meetingId, UUID participationId, Feed feed, MediaListener listener) {
        admitted(read(meetingId), participationId);
        return media.subscribe(meetingId, feed, listener);
    }

    /** The feeds published in the meeting now, for a participant who just came in. */
    public List<Feed> feeds(UUID meetingId, UUID participationId) {
        admitted(read(meetingId), participationId);
        return media.feeds(meetingId);
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
    public void hangUp(UUID meetingId, String link, Feed published) {
        media.hangUp(link);
        if (published != null) {
            ended(meetingId, published);
        }
    }

    /**
     * A published feed is gone (hung up by its page, or lost by the media server first, as when the
     * page closed its connection before its hang-up arrived): while its participant is still in
     * the meeting, everyone is told.
     */
    public void ended(UUID meetingId, Feed published) {
        Meeting meeting = locked(meetingId);
        if (meeting.status() == MeetingStatus.LIVE && meeting.participation(published.participationId())
                .filter(p -> p.state() == ParticipationState.JOINED).isPresent()) {
            events.record(meeting, "media.unpublished", published.describe(), EventAudience.ALL, null);
        }
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
