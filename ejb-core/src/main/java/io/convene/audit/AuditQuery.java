package io.convene.audit;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.stream.Stream;

/**
 * Reading the audit trail: administrators and compliance officers, newest first, a page at a time,
 * or all of it as CSV streamed row by row. Reading it for export is itself recorded.
 */
@Stateless
public class AuditQuery {

    @Inject
    Permissions permissions;

    @Inject
    AuditRepository entries;

    @Inject
    AuditedPeople people;

    @Inject
    AuditTrail trail;

    public Page<AuditView> search(Caller caller, AuditFilter filter, int page, int size) {
        permissions.require(caller, Permission.READ_AUDIT_TRAIL);
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException("size", "page must be 0 or more and size between 1 and 500");
        }
        long total = entries.count(filter);
        return new Page<>(entries.newestFirst(filter, page, size), page, size, total);
    }

    /** Records that the caller exports the trail with this filter (before the rows are written). */
    public void exporting(Caller caller, AuditFilter filter) {
        permissions.require(caller, Permission.READ_AUDIT_TRAIL);
        trail.action(caller, AuditAction.AUDIT_EXPORTED, null, describe(filter));
    }

    /** Writes the matching entries as CSV, oldest first, without holding them in memory. */
    public void exportCsv(Caller caller, AuditFilter filter, Writer out) {
        permissions.require(caller, Permission.READ_AUDIT_TRAIL);
        try {
            out.write("id,at,actor_user_id,actor_email,action,meeting_id,target,target_participation_id,detail,source_ip,outcome\n");
            try (Stream<AuditView> rows = entries.oldestFirst(filter)) {
                for (AuditView v : (Iterable<AuditView>) rows::iterator) {
                    out.write(String.join(",", String.valueOf(v.id()), csv(v.at()), csv(v.actorUserId()), csv(v.actorEmail()),
                            csv(v.action()), csv(v.meetingId()), csv(v.target()), csv(v.targetParticipationId()),
                            csv(v.detail()), csv(v.sourceIp()), csv(v.outcome())));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(Object value) {
        return io.convene.shared.Csv.cell(value);
    }

    private static String describe(AuditFilter f) {
        return "filter: actor=" + f.actor() + " action=" + f.action() + " target=" + f.target() + " meeting=" + f.meetingId()
                + " from=" + f.from() + " to=" + f.to();
    }

}
