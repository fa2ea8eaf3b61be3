package io.convene.meeting;

import java.time.Instant;
import java.util.UUID;

/**
 * What a join answers: in the meeting or waiting to be admitted, and a short-lived ticket to open
 * the meeting's channel ({@code /ws/meetings/{id}?ticket=...}). Guests also get a ticket that
 * identifies them to this meeting only, until it expires.
 */
public record JoinOutcome(UUID meetingId, UUID participationId, ParticipationState state, MeetingRole role,
                          boolean videoOnEntry, boolean audioOnEntry, boolean webinar, boolean panelist, String guestTicket,
                          Instant guestTicketExpiresAt, String channelTicket) {

    static JoinOutcome of(Participation p, ParticipantTickets.Ticket guest, ParticipantTickets.Ticket channel) {
        MeetingSettings s = p.meeting().settings();
        return new JoinOutcome(p.meeting().id(), p.id(), p.state(), p.role(), s.videoOnEntry(), s.audioOnEntry(),
                s.webinar(), p.isPanelist(),
                guest == null ? null : guest.value(), guest == null ? null : guest.expiresAt(), channel.value());
    }
}
