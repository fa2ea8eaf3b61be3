package io.convene.reports;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import java.util.UUID;
import javax.sql.DataSource;

/** Who may read which report: administrators and compliance officers all; hosts their meetings; people themselves. */
final class Readers {

    private Readers() {
    }

    static boolean seesEverything(Caller caller) {
        return caller.isAdmin() || caller.roles().contains(Caller.COMPLIANCE_OFFICER);
    }

    /** The caller's user id; a caller Convene has never seen has no reports. */
    static UUID userOf(DataSource db, Caller caller) {
        UUID id = Sql.one(db, "select id from users where subject = ?", r -> Sql.uuid(r, "id"), caller.subject());
        if (id == null) {
            throw new NotFoundException("Nothing recorded for you yet");
        }
        return id;
    }

    /** Hosts and co-hosts read their meeting's report; others in it are refused; the rest do not see it. */
    static void requireMeetingReader(DataSource db, Caller caller, UUID meetingId) {
        if (seesEverything(caller)) {
            return;
        }
        UUID me = userOf(db, caller);
        String role = Sql.one(db, "select role from participations where meeting_id = ? and user_id = ? limit 1",
                r -> r.getString("role"), meetingId, me);
        if (role == null) {
            throw new NotFoundException("No such meeting");
        }
        if (!role.equals("HOST") && !role.equals("CO_HOST")) {
            throw new AccessDeniedException("Only the meeting's hosts read its report");
        }
    }
}
