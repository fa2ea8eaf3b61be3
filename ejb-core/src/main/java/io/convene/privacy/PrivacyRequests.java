package io.convene.privacy;

import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A background export's own record, each step committed at once (the export runs outside any transaction). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PrivacyRequests {

    @Inject
    PrivacyRequestRepository requests;

    @Inject
    UserRepository users;

    /** Takes a queued export for this thread; null when it is not queued any more. */
    public PrivacyRequest claim(UUID id) {
        return requests.claim(id) ? requests.byId(id).orElseThrow() : null;
    }

    public void progress(UUID id, int percent) {
        requests.byId(id).orElseThrow().running(percent);
    }

    /**
     * The export's file is in the blob store: the request is done — unless its person's data was
     * erased while it was made (the person's row is locked, as the erasure locks it, so one of the
     * two comes first): then it failed, and the caller deletes the file it stored.
     */
    public boolean exported(UUID id, String blobKey, long size, Instant now) {
        PrivacyRequest request = requests.byId(id).orElseThrow();
        User subject = users.lockedById(request.subjectId()).orElseThrow();
        if (subject.isErased()) {
            request.failed("The person's data was erased while the export was made; its file was deleted", now);
            return false;
        }
        request.exported(blobKey, size, now);
        return true;
    }

    /** Exports whose day is over: their files' keys, to be deleted (the requests stay, expired). */
    public List<String> expire(Instant now) {
        return requests.expiredExports(now).stream().map(r -> r.withdraw(now)).toList();
    }

    public void failed(UUID id, String reason, Instant now) {
        requests.byId(id).orElseThrow().failed(reason, now);
    }

    /** Exports queued over a minute ago that nobody started (their node went down first). */
    public List<UUID> stranded(Instant now) {
        return requests.queuedBefore(now.minusSeconds(60));
    }
}
