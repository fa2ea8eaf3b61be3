package io.convene.meeting;

import java.time.Instant;
import java.util.UUID;

/**
 * What a join answers: in the meeting or waiting to be admitted. Guests also get a ticket that
 * identifies them to this meeting only, until it expires.
 */
public record JoinOutcome(UUID meetingId, UUID participationId, ParticipationState state, MeetingRole role,
                          boolean videoOnEntry, boolean audioOnEntry, String guestTicket,
                          Instant guestTicketExpiresAt) {

    static JoinOutcome of(Participation p, GuestTickets.Ticket ticket) {
        MeetingSettings s = p.meeting().settings();
        return new JoinOutcome(p.meeting().id(), p.id(), p.state(), p.role(), s.videoOnEntry(), s.audioOnEntry(),
                ticket == null ? null : ticket.value(), ticket == null ? null : ticket.expiresAt());
    }
}
