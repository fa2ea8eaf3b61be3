package io.convene.meeting;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.Permission;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Who may read a meeting's figures (its report): administrators and compliance officers any
 * meeting's, its hosts and co-hosts their own; others in it are refused, and anyone else does not
 * see it (an invitation to one's address that was not taken up yet does not count). An EJB, so the
 * reports module asks the meeting context instead of deciding it itself.
 */
@Stateless
public class MeetingReportReaders {

    @Inject
    UserRepository users;

    @Inject
    MeetingRepository meetings;

    public void requireReader(Caller caller, UUID meetingId) {
        if (Permission.READ_EVERY_REPORT.grantedTo(caller)) {
            return;
        }
        User me = users.bySubject(caller.subject()).orElseThrow(() -> new NotFoundException("Nothing recorded for you yet"));
        MeetingRole role = meetings.roleOfUser(meetingId, me.id()).orElseThrow(() -> new NotFoundException("No such meeting"));
        if (role != MeetingRole.HOST && role != MeetingRole.CO_HOST) {
            throw new AccessDeniedException("Only the meeting's hosts read its report");
        }
    }
}
