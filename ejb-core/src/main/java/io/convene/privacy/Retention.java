package io.convene.privacy;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrail;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.storage.BlobStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Retention policies: chat (with its files), notifications and meeting logs older than their
 * configured age are purged — daily by {@link RetentionTimer}, or now by an administrator — with a
 * dry run that counts what would go. Recordings go by when they stopped (their files with them),
 * except those of meetings with someone on legal hold. Wrong passcodes (with guests' addresses),
 * needed only for the guessing window, go after {@link #PASSCODE_FAILURE_DAYS} days, or the
 * meeting logs' period when that is shorter.
 */
@Stateless
public class Retention {

    @Inject
    Permissions permissions;

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** The longest wrong passcodes are kept (whatever the policy), in days. */
    static final int PASSCODE_FAILURE_DAYS = 30;

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
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
        return read();
    }

    public Policy change(Caller caller, Integer chatDays, Integer notificationDays, Integer meetingLogDays,
                         Integer recordingDays) {
        permissions.require(caller, Permission.MANAGE_RETENTION);
        check("chatDays", chatDays);
        check("notificationDays", notificationDays);
        check("meetingLogDays", meetingLogDays);
        check("recordingDays", recordingDays);
        em.createNativeQuery("""
                        update retention_policy set chat_days = ?1, notification_days = ?2, meeting_log_days = ?3,
                                                    recording_days = ?4 where id = 1""")
                .setParameter(1, chatDays).setParameter(2, notificationDays).setParameter(3, meetingLogDays)
                .setParameter(4, recordingDays).executeUpdate();
        audit.action(caller, AuditAction.RETENTION_CHANGED, "retention", "chat " + chatDays + ", notifications " + notificationDays
                + ", meeting logs " + meetingLogDays + ", recordings " + recordingDays + " days");
        return read();
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

    private Map<String, Integer> run(boolean purge) {
        Policy p = read();
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (p.chatDays() != null) {
            Instant before = now.minus(Duration.ofDays(p.chatDays()));
            counts.put("chat-messages", count("select count(*) from chat_messages where sent_at < ?1", before));
            counts.put("chat-files", count("""
                    select count(*) from chat_attachments a where a.created_at < ?1""", before));
            if (purge) {
                @SuppressWarnings("unchecked")
                List<String> keys = em.createNativeQuery("select storage_key from chat_attachments where created_at < ?1")
                        .setParameter(1, before).getResultList();
                em.createNativeQuery("delete from chat_messages where sent_at < ?1").setParameter(1, before).executeUpdate();
                em.createNativeQuery("delete from chat_attachments where created_at < ?1").setParameter(1, before).executeUpdate();
                em.createNativeQuery("delete from meeting_events where type like 'chat.%' and created_at < ?1")
                        .setParameter(1, before).executeUpdate();
                em.flush();
                keys.forEach(this::deleteBlob);
            }
        }
        if (p.notificationDays() != null) {
            Instant before = now.minus(Duration.ofDays(p.notificationDays()));
            counts.put("notifications", count("select count(*) from notifications where sent_at < ?1", before));
            if (purge) {
                em.createNativeQuery("delete from notifications where sent_at < ?1").setParameter(1, before).executeUpdate();
            }
        }
        if (p.meetingLogDays() != null) {
            Instant before = now.minus(Duration.ofDays(p.meetingLogDays()));
            counts.put("meeting-log-entries", count("select count(*) from meeting_events where created_at < ?1", before));
            if (purge) {
                em.createNativeQuery("delete from meeting_events where created_at < ?1").setParameter(1, before).executeUpdate();
            }
        }
        if (p.recordingDays() != null) {
            Instant before = now.minus(Duration.ofDays(p.recordingDays()));
            String finished = " from recordings r where status in ('READY', 'FAILED') and stopped_at < ?1 and not "
                    + LegalHolds.RECORDING_HELD;
            counts.put("recordings", count("select count(*)" + finished, before));
            if (purge) {
                @SuppressWarnings("unchecked")
                List<String> keys = em.createNativeQuery("select blob_key" + finished + " and blob_key is not null")
                        .setParameter(1, before).getResultList();
                em.createNativeQuery("delete from recordings where id in (select id" + finished + ")").setParameter(1, before)
                        .executeUpdate();
                em.flush();
                keys.forEach(this::deleteBlob);
            }
        }
        int passcodeDays = p.meetingLogDays() == null ? PASSCODE_FAILURE_DAYS : Math.min(p.meetingLogDays(), PASSCODE_FAILURE_DAYS);
        Instant passcodesBefore = now.minus(Duration.ofDays(passcodeDays));
        counts.put("passcode-failures", count("select count(*) from passcode_failures where failed_at < ?1", passcodesBefore));
        if (purge) {
            em.createNativeQuery("delete from passcode_failures where failed_at < ?1").setParameter(1, passcodesBefore).executeUpdate();
            var json = Jsons.createObjectBuilder();
            counts.forEach(json::add);
            em.createNativeQuery("update retention_policy set last_purge_at = ?1, last_purge = cast(?2 as jsonb) where id = 1")
                    .setParameter(1, now).setParameter(2, json.build().toString()).executeUpdate();
        }
        return counts;
    }

    private Policy read() {
        Object[] r = (Object[]) em.createNativeQuery("""
                select chat_days, notification_days, meeting_log_days, recording_days, last_purge_at, cast(last_purge as text)
                from retention_policy where id = 1""").getSingleResult();
        Map<String, Integer> last = new LinkedHashMap<>();
        if (r[5] != null) {
            Jsons.createReader(new java.io.StringReader((String) r[5])).readObject()
                    .forEach((k, v) -> last.put(k, ((jakarta.json.JsonNumber) v).intValue()));
        }
        Object at = r[4];
        return new Policy((Integer) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3],
                at == null ? null : at instanceof Instant i ? i : ((java.time.OffsetDateTime) at).toInstant(), last);
    }

    private int count(String sql, Instant before) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, before).getSingleResult()).intValue();
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
