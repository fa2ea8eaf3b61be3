package io.convene.meeting;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.user.UserService;
import io.convene.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Who is acting inside a meeting: a signed-in user, or a guest by their ticket. */
@ApplicationScoped
public class Attendees {

    @Inject
    UserService users;

    @Inject
    ParticipantTickets tickets;

    @Inject
    MeetingRepository meetings;

    /**
     * @param caller      the signed-in caller, or null
     * @param guestTicket the guest's ticket when there is no caller, or null
     */
    public Participation of(Meeting meeting, Caller caller, String guestTicket) {
        if (caller != null) {
            return meetings.participationOf(meeting, users.current(caller)).orElseThrow(MeetingService::notFound);
        }
        if (guestTicket != null) {
            UUID id = tickets.verify(guestTicket, meeting.id(), ParticipantTickets.Kind.GUEST);
            return meetings.participation(meeting, id).orElseThrow(() -> new AuthenticationFailedException("Invalid ticket"));
        }
        throw new AuthenticationFailedException("Sign in, or present a guest ticket");
    }

    /**
     * Who sends on a channel socket: its participation, still in this meeting, whose account has not
     * been deactivated since the socket was opened.
     */
    public Participation onChannel(Meeting meeting, UUID participationId) {
        Participation p = meetings.participation(meeting, participationId)
                .orElseThrow(() -> new AccessDeniedException("You are not in this meeting"));
        if (p.user() != null && p.user().status() == UserStatus.DISABLED) {
            throw new AccountDeactivatedException();
        }
        return p;
    }

    /**
     * The caller as someone who may see what goes on in the meeting: let in once, and not waiting
     * again, turned away or removed. A removed person is told so; anyone else not let in finds nothing.
     */
    public Participation seeing(Meeting meeting, Caller caller, String guestTicket) {
        Participation me = of(meeting, caller, guestTicket);
        if (me.state() == ParticipationState.REMOVED) {
            throw new AccessDeniedException("You were removed from this meeting");
        }
        if (!me.maySeeMeeting()) {
            throw MeetingService.notFound();
        }
        return me;
    }

    /** The caller as host or co-host of the meeting; anyone else is refused with {@code refusal}. */
    public Participation runningIt(Meeting meeting, Caller caller, String refusal) {
        Participation me = of(meeting, caller, null);
        if (!me.isHostOrCoHost()) {
            throw new AccessDeniedException(refusal);
        }
        return me;
    }
}
