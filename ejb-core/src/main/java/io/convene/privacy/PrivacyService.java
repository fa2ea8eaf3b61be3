package io.convene.privacy;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrail;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.storage.BlobStore;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * GDPR/CCPA requests: anyone exports their own data; compliance officers export anyone's, erase
 * anyone's (unless on legal hold) and place or release legal holds. Every step is audited.
 */
@Stateless
public class PrivacyService {

    @Inject
    Permissions permissions;

    private static final Logger LOG = Logger.getLogger(PrivacyService.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @Inject
    BlobStore blobs;

    @EJB
    PersonalDataErasure erasure;

    @Inject
    Clock clock;

    @Inject
    Event<ExportQueued> queued;

    /** Raised when an export is queued; {@link PrivacyExportStarter} starts it once that committed. */
    public record ExportQueued(UUID requestId) {
    }

    public record LegalHold(UUID userId, String reason, UUID placedBy, Instant placedAt) {
    }

    public record Download(String fileName, long size, InputStream content) {
    }

    public PrivacyRequestView requestExport(Caller caller, UUID userId) {
        User me = users.current(caller);
        UUID subject = userId == null ? me.id() : userId;
        if (!subject.equals(me.id())) {
            permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
            requireUser(subject);
        }
        if (em.find(User.class, subject).isErased()) {
            throw new ConflictException("This person's data was erased; there is nothing to export");
        }
        PrivacyRequest request = new PrivacyRequest(PrivacyRequest.Kind.EXPORT, subject, me.id(), clock.instant());
        em.persist(request);
        audit.action(caller, AuditAction.PRIVACY_EXPORT_REQUESTED, "user:" + subject, null);
        queued.fire(new ExportQueued(request.id()));
        LOG.info(() -> "Export " + request.id() + " of user " + subject + " requested by " + me.id());
        return PrivacyRequestView.of(request);
    }

    /** The latest exports and erasures of anyone, newest first: compliance officers' worklist. */
    public List<PrivacyRequestView> recent(Caller caller, int max) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        return em.createQuery("select r from PrivacyRequest r order by r.requestedAt desc", PrivacyRequest.class)
                .setMaxResults(Math.max(1, Math.min(200, max))).getResultList().stream().map(PrivacyRequestView::of).toList();
    }

    /**
     * "Name <address>" of each of these people, for lists that hold ids (after an erasure, the
     * pseudonym it left); compliance officers and administrators.
     */
    public java.util.Map<UUID, String> names(Caller caller, java.util.Collection<UUID> userIds) {
        permissions.require(caller, Permission.SEE_WHO_IS_WHO);
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("select u.id, u.name, u.email from User u where u.id in :ids", Object[].class)
                    .setParameter("ids", java.util.Set.copyOf(userIds)).getResultList()
                    .forEach(r -> names.put((UUID) r[0], r[1] + " <" + r[2] + ">"));
        }
        return names;
    }

    /** The caller's own exports, the latest first (ten). */
    public java.util.List<PrivacyRequestView> myExports(Caller caller) {
        UUID me = users.current(caller).id();
        return em.createQuery("select r from PrivacyRequest r where r.subjectId = :me and r.kind = :export"
                        + " order by r.requestedAt desc", PrivacyRequest.class)
                .setParameter("me", me).setParameter("export", PrivacyRequest.Kind.EXPORT).setMaxResults(10)
                .getResultStream().map(PrivacyRequestView::of).toList();
    }

    public PrivacyRequestView request(Caller caller, UUID id) {
        return PrivacyRequestView.of(readable(caller, id));
    }

    /** The export's ZIP while it may still be downloaded (a day); each download is audited. */
    public Download download(Caller caller, UUID id) {
        PrivacyRequest r = readable(caller, id);
        if (r.kind() != PrivacyRequest.Kind.EXPORT || r.state() != PrivacyRequest.State.DONE) {
            throw new ConflictException("The export is not ready yet");
        }
        if (!r.downloadable(clock.instant())) {
            throw new ConflictException("The export's file is gone (a day after it was made, or with its person's erasure)");
        }
        audit.action(caller, AuditAction.PRIVACY_EXPORT_DOWNLOADED, "user:" + r.subjectId(), "request " + r.id());
        return new Download("convene-data-" + r.subjectId() + ".zip", r.sizeBytes(), blobs.open(r.blobKey()));
    }

    /** Erases the person's data (see {@link PersonalDataErasure}); answers the request with its certificate. */
    public PrivacyRequestView erase(Caller caller, UUID userId) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        User me = users.current(caller);
        requireUser(userId);
        if (userId.equals(me.id())) {
            throw new ConflictException("Compliance officers do not erase themselves; another officer must");
        }
        LegalHold hold = hold(userId);
        if (hold != null) {
            audit.action(caller, AuditAction.PRIVACY_ERASURE_REFUSED, "user:" + userId, "legal hold");
            throw new ConflictException("This person's data is on legal hold (" + hold.reason() + "); release the hold first");
        }
        if (em.find(User.class, userId).isErased()) {
            throw new ConflictException("This person's data was erased already");
        }
        Instant now = clock.instant();
        PrivacyRequest request = new PrivacyRequest(PrivacyRequest.Kind.ERASURE, userId, me.id(), now);
        Map<String, Integer> erased = erasure.erase(userId, now);
        request.erased(PersonalDataErasure.certificate(request.id(), userId, erased, now), now);
        em.persist(request);
        audit.action(caller, AuditAction.PRIVACY_ERASED, "user:" + userId, "request " + request.id());
        return PrivacyRequestView.of(request);
    }

    public LegalHold placeHold(Caller caller, UUID userId, String reason) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        requireUser(userId);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "must be 1 to 500 characters");
        }
        User me = users.current(caller);
        em.createNativeQuery("""
                        insert into legal_holds (user_id, reason, placed_by, placed_at) values (?1, ?2, ?3, ?4)
                        on conflict (user_id) do update set reason = excluded.reason, placed_by = excluded.placed_by,
                                                            placed_at = excluded.placed_at""")
                .setParameter(1, userId).setParameter(2, reason.trim()).setParameter(3, me.id())
                .setParameter(4, clock.instant()).executeUpdate();
        audit.action(caller, AuditAction.PRIVACY_HOLD_PLACED, "user:" + userId, null);
        return hold(userId);
    }

    public void releaseHold(Caller caller, UUID userId) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        if (em.createNativeQuery("delete from legal_holds where user_id = ?1").setParameter(1, userId).executeUpdate() == 0) {
            throw new NotFoundException("No legal hold on this person");
        }
        audit.action(caller, AuditAction.PRIVACY_HOLD_RELEASED, "user:" + userId, null);
    }

    public List<LegalHold> holds(Caller caller) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, reason, placed_by, placed_at from legal_holds order by placed_at")
                .getResultList();
        return rows.stream().map(PrivacyService::hold).toList();
    }

    private LegalHold hold(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, reason, placed_by, placed_at from legal_holds where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return rows.isEmpty() ? null : hold(rows.get(0));
    }

    private static LegalHold hold(Object[] r) {
        Object at = r[3];
        return new LegalHold((UUID) r[0], (String) r[1], (UUID) r[2],
                at instanceof Instant i ? i : ((java.time.OffsetDateTime) at).toInstant());
    }

    private PrivacyRequest readable(Caller caller, UUID id) {
        PrivacyRequest r = em.find(PrivacyRequest.class, id);
        User me = users.current(caller);
        if (r == null || !(r.requestedBy().equals(me.id()) || r.subjectId().equals(me.id()) || isCompliance(caller))) {
            throw new NotFoundException("No such request");
        }
        return r;
    }

    private void requireUser(UUID userId) {
        User u = userId == null ? null : em.find(User.class, userId);
        if (u == null) {
            throw new NotFoundException("No such user");
        }
    }

    private static boolean isCompliance(Caller caller) {
        return caller.roles().contains(Caller.COMPLIANCE_OFFICER);
    }

}
