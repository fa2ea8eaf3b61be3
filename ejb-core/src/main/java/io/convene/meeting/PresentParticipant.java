package io.convene.meeting;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant as the channel describes them ({@link MeetingEventLog#describe}): read as these
 * columns alone for a greeting, which lists everyone present, or taken from a participation.
 */
public record PresentParticipant(UUID id, String name, MeetingRole role, ParticipationState state, boolean guest,
                                 boolean audio, boolean video, boolean screen, boolean hand, UUID room,
                                 boolean panelist, Instant joinedAt, Instant leftAt) {

    /** One read by {@link MeetingRepository#present}: joined, or (with no join yet) waiting. */
    public PresentParticipant(UUID id, String name, MeetingRole role, String guestName, Instant joinedAt, boolean audio,
                              boolean video, boolean screen, Instant handRaisedAt, UUID room, boolean panelist) {
        this(id, name, role, joinedAt != null ? ParticipationState.JOINED : ParticipationState.WAITING, guestName != null,
                audio, video, screen, handRaisedAt != null, room, panelist, joinedAt, null);
    }

    public static PresentParticipant of(Participation p) {
        return new PresentParticipant(p.id(), p.displayName(), p.role(), p.state(), p.isGuest(), p.audioOn(), p.videoOn(),
                p.sharingScreen(), p.handRaisedAt() != null, p.roomId(), p.isPanelist(), p.joinedAt(), p.leftAt());
    }
}
