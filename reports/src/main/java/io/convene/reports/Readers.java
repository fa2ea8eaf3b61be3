package io.convene.reports;

import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.Permission;
import java.util.UUID;
import javax.sql.DataSource;

/** Who may read which report: administrators and compliance officers all; people their own (a meeting's: the meeting context decides). */
final class Readers {

    private Readers() {
    }

    static boolean seesEverything(Caller caller) {
        return Permission.READ_EVERY_REPORT.grantedTo(caller);
    }

    /** The caller's user id; a caller Convene has never seen has no reports. */
    static UUID userOf(DataSource db, Caller caller) {
        UUID id = Sql.one(db, "select id from reporting_people where subject = ?", r -> Sql.uuid(r, "id"), caller.subject());
        if (id == null) {
            throw new NotFoundException("Nothing recorded for you yet");
        }
        return id;
    }
}
