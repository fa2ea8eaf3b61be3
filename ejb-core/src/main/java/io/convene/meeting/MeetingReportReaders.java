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
 * see it. An EJB, so the reports module asks the meeting context instead of deciding it itself; in a
 * transaction of its own when the caller has none (the meeting's participations are read lazily).
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
        Participation mine = meetings.byId(meetingId).flatMap(m -> meetings.participationOf(m, me))
                .orElseThrow(() -> new NotFoundException("No such meeting"));
        if (!mine.isHostOrCoHost()) {
            throw new AccessDeniedException("Only the meeting's hosts read its report");
        }
    }
}
