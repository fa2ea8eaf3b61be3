package io.convene.privacy;

import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrail;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.personaldata.RetentionRun;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.storage.BlobStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Retention policies: chat (with its files), notifications and meeting logs older than their
 * configured age are purged — daily by {@link RetentionTimer}, or now by an administrator — with a
 * dry run that counts what would go. Recordings go by when they stopped (their files with them),
 * except those of meetings with someone on legal hold. Wrong passcodes (with guests' addresses),
 * needed only for the guessing window, go after 30 days, or the meeting logs' period when that is
 * shorter. Each context's {@link PersonalDataKeeper} counts and deletes from its own tables.
 */
@Stateless
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** The order the counts are shown in (a kind not listed comes after them). */
    private static final List<String> SHOWN_IN_ORDER = List.of("chat-messages", "chat-files", "notifications",
            "meeting-log-entries", "recordings", "passcode-failures");

    @Inject
    Permissions permissions;

    @Inject
    RetentionPolicyStore store;

    @Inject
    PersonalDataKeepers keepers;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Ages in days; null keeps for ever. */
    public record Policy(Integer chatDays, Integer notificationDays, Integer meetingLogDays, Integer recordingDays,
                         Instant lastPurgeAt, Map<String, Integer> lastPurge) {
    }

    public record Report(boolean dryRun, Instant at, Map<String, Integer> counts) {
    }

    public Policy policy(Caller caller) {
        permissions.require(caller, Permission.MANAGE_RETENTION);
        return store.read();
    }

    public Policy change(Caller caller, Integer chatDays, Integer notificationDays, Integer meetingLogDays,
                         Integer recordingDays) {
        permissions.require(caller, Permission.MANAGE_RETENTION);
        check("chatDays", chatDays);
        check("notificationDays", notificationDays);
        check("meetingLogDays", meetingLogDays);
        check("recordingDays", recordingDays);
        store.change(new RetentionRun.Ages(chatDays, notificationDays, meetingLogDays, recordingDays));
        audit.action(caller, AuditAction.RETENTION_CHANGED, "retention", "chat " + chatDays + ", notifications " + notificationDays
                + ", meeting logs " + meetingLogDays + ", recordings " + recordingDays + " days");
        return store.read();
    }

    /** What a purge would remove now, removing nothing. */
    public Report dryRun(Caller caller) {
        permissions.require(caller, Permission.MANAGE_RETENTION);
        return new Report(true, clock.instant(), run(false));
    }

    public Report purgeNow(Caller caller) {
        permissions.require(caller, Permission.MANAGE_RETENTION);
        Map<String, Integer> counts = run(true);
        audit.action(caller, AuditAction.RETENTION_PURGED, "retention", counts.toString());
        return new Report(false, clock.instant(), counts);
    }

    /** The daily purge (no caller: the trail gets it as the system's). */
    public Map<String, Integer> scheduledPurge() {
        Map<String, Integer> counts = run(true);
        LOG.info(() -> "Retention purge: " + counts);
        return counts;
    }

    /** Every keeper counts (and, purging, deletes) from its own tables; the stored files go once the rows are gone. */
    private Map<String, Integer> run(boolean purge) {
        Policy p = store.read();
        Instant now = clock.instant();
        RetentionRun run = new RetentionRun(new RetentionRun.Ages(p.chatDays(), p.notificationDays(), p.meetingLogDays(),
                p.recordingDays()), now, purge);
        keepers.inOrder().forEach(k -> k.purge(run));
        Map<String, Integer> counts = KindsInOrder.of(run.counts(), SHOWN_IN_ORDER);
        if (purge) {
            store.purged(now, counts);
            run.files().forEach(this::deleteBlob);
        }
        return counts;
    }

    private static void check(String field, Integer days) {
        if (days != null && (days < 1 || days > 36500)) {
            throw new InvalidInputException(field, "must be between 1 and 36500 days, or absent to keep for ever");
        }
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            LOG.warning(() -> "A purged file's blob " + key + " could not be removed: " + e.getMessage());
        }
    }
}
