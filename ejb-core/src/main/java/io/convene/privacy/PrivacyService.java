package io.convene.privacy;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrail;
import io.convene.audit.AuditTrailEjb;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.storage.BlobStore;
import io.convene.user.User;
import io.convene.user.UserRepository;
import io.convene.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    @Inject
    PrivacyRequestRepository requests;

    @Inject
    LegalHolds holds;

    @Inject
    UserRepository accounts;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @EJB
    AuditTrailEjb refusals; // in a transaction of its own: the refused one rolls back

    @jakarta.ejb.EJB
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
        }
        if (requireUser(subject).isErased()) {
            throw new ConflictException("This person's data was erased; there is nothing to export");
        }
        PrivacyRequest request = new PrivacyRequest(PrivacyRequest.Kind.EXPORT, subject, me.id(), clock.instant());
        requests.add(request);
        audit.action(caller, AuditAction.PRIVACY_EXPORT_REQUESTED, "user:" + subject, null);
        queued.fire(new ExportQueued(request.id()));
        LOG.info(() -> "Export " + request.id() + " of user " + subject + " requested by " + me.id());
        return PrivacyRequestView.of(request);
    }

    /** The latest exports and erasures of anyone, newest first: compliance officers' worklist. */
    public List<PrivacyRequestView> recent(Caller caller, int max) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        return requests.recent(Math.max(1, Math.min(200, max))).stream().map(PrivacyRequestView::of).toList();
    }

    /**
     * "Name <address>" of each of these people, for lists that hold ids (after an erasure, the
     * pseudonym it left); compliance officers and administrators.
     */
    public java.util.Map<UUID, String> names(Caller caller, java.util.Collection<UUID> userIds) {
        permissions.require(caller, Permission.SEE_WHO_IS_WHO);
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        accounts.byIds(userIds).forEach(u -> names.put(u.id(), u.name() + " <" + u.email() + ">"));
        return names;
    }

    /** The caller's own exports, the latest first (ten). */
    public java.util.List<PrivacyRequestView> myExports(Caller caller) {
        UUID me = users.current(caller).id();
        return requests.exportsOf(me, 10).stream().map(PrivacyRequestView::of).toList();
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
        User subject = requireUser(userId);
        if (userId.equals(me.id())) {
            throw new ConflictException("Compliance officers do not erase themselves; another officer must");
        }
        LegalHold hold = holds.of(userId).orElse(null);
        if (hold != null) {
            refusals.refusal(me.id(), AuditAction.PRIVACY_ERASURE_REFUSED, "user:" + userId, "legal hold");
            throw new ConflictException("This person's data is on legal hold (" + hold.reason() + "); release the hold first");
        }
        if (subject.isErased()) {
            throw new ConflictException("This person's data was erased already");
        }
        Instant now = clock.instant();
        PrivacyRequest request = new PrivacyRequest(PrivacyRequest.Kind.ERASURE, userId, me.id(), now);
        Map<String, Integer> erased = erasure.erase(userId, now);
        request.erased(PersonalDataErasure.certificate(request.id(), userId, erased, now), now);
        requests.add(request);
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
        holds.place(userId, reason.trim(), me.id(), clock.instant());
        audit.action(caller, AuditAction.PRIVACY_HOLD_PLACED, "user:" + userId, null);
        return holds.of(userId).orElseThrow();
    }

    public void releaseHold(Caller caller, UUID userId) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        if (!holds.release(userId)) {
            throw new NotFoundException("No legal hold on this person");
        }
        audit.action(caller, AuditAction.PRIVACY_HOLD_RELEASED, "user:" + userId, null);
    }

    public List<LegalHold> holds(Caller caller) {
        permissions.require(caller, Permission.ACT_ON_PERSONAL_DATA);
        return holds.all();
    }

    private PrivacyRequest readable(Caller caller, UUID id) {
        PrivacyRequest r = requests.byId(id).orElse(null);
        User me = users.current(caller);
        if (r == null || !(r.requestedBy().equals(me.id()) || r.subjectId().equals(me.id()) || isCompliance(caller))) {
            throw new NotFoundException("No such request");
        }
        return r;
    }

    private User requireUser(UUID userId) {
        return (userId == null ? java.util.Optional.<User>empty() : accounts.byId(userId))
                .orElseThrow(() -> new NotFoundException("No such user"));
    }

    private static boolean isCompliance(Caller caller) {
        return caller.roles().contains(Caller.COMPLIANCE_OFFICER);
    }

}
