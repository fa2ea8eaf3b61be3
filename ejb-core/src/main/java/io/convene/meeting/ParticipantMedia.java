package io.convene.meeting;

import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * A participant's own microphone, camera and screen share. Each change is announced on the
 * channel as {@code participant.media}. (The media themselves flow through the media server.)
 */
@Stateless
public class ParticipantMedia {

    public enum Device { AUDIO, VIDEO, SCREEN }

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    MeetingEventLog events;

    /**
     * Turns a device on or off ({@code on} null: the other way round from now).
     * @param caller the signed-in caller, or null for a guest with {@code guestTicket}
     */
    public MediaState change(Caller caller, String guestTicket, String reference, Device device, Boolean on) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation p = attendees.of(meeting, caller, guestTicket);
        switch (device) {
            case AUDIO -> meeting.audio(p, on == null ? !p.audioOn() : on);
            case VIDEO -> meeting.video(p, on == null ? !p.videoOn() : on);
            case SCREEN -> {
                if (on == null ? !p.sharingScreen() : on) {
                    meeting.startScreenShare(p);
                } else {
                    meeting.stopScreenShare(p);
                }
            }
        }
        events.recordForAll(meeting, "participant.media", p);
        return new MediaState(p.id(), p.audioOn(), p.videoOn(), p.sharingScreen());
    }

    /** A participant's devices after a change. */
    public record MediaState(java.util.UUID participationId, boolean audio, boolean video, boolean screen) {
    }
}
