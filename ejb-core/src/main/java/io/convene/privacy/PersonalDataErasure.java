package io.convene.privacy;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.shared.Jsons;
import io.convene.storage.BlobStore;
import io.convene.user.IdentityProvider;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Erases a person's data everywhere Convene keeps it, in the caller's transaction (all or nothing).
 * Every context's {@link PersonalDataKeeper} first names the texts the meeting logs must lose, then
 * erases from its own tables (their messages' text, their files, their exports' files, their
 * questions, notifications and choices, calendar connections, wrong passcodes, their name and
 * address in the meeting logs, the directory's errors about them); last the account becomes a
 * pseudonym (so meetings, counts and the audit trail keep adding up) and their Keycloak account goes.
 * Answers what was erased, per kind.
 */
@Stateless
public class PersonalDataErasure {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class.getName());

    /** The order the certificate lists what was erased in (a kind not listed comes after them). */
    private static final List<String> CERTIFIED_IN_ORDER = List.of("meeting-log-entries", "chat-messages", "files", "questions",
            "whiteboard-texts", "exports", "profile-picture", "notifications", "notification-choices", "calendar-connections",
            "invitations-by-address", "passcode-failures", "directory-errors");

    @Inject
    UserRepository users;

    @Inject
    PersonalDataKeepers keepers;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @EJB
    IdentityProvider identity;

    public Map<String, Integer> erase(UUID userId, Instant now) {
        User user = users.lockedById(userId).orElseThrow();
        Erasure erasure = new Erasure(new Erasure.Person(userId, user.name(), user.email(), user.emailVerified(),
                user.subject(), user.directoryDn()), now);
        List<PersonalDataKeeper> all = keepers.inOrder();
        all.forEach(k -> k.collect(erasure));
        all.forEach(k -> k.erase(erasure));
        Map<String, Integer> erased = KindsInOrder.of(erasure.counts(), CERTIFIED_IN_ORDER);
        String subject = user.subject();
        user.erase();
        erased.put("profile", 1);
        users.flush();
        if (subject != null) {
            identity.deleteAccount(subject); // last: if Keycloak fails, nothing above is kept either
            erased.put("identity-account", 1);
        }
        erasure.files().forEach(this::deleteBlob); // the files go once everything else has been done
        LOG.info(() -> "Erased the personal data of user " + userId + ": " + erased);
        return erased;
    }

    static String certificate(UUID requestId, UUID userId, Map<String, Integer> erased, Instant at) {
        var counts = Jsons.createObjectBuilder();
        erased.forEach(counts::add);
        return Jsons.createObjectBuilder().add("request", requestId.toString()).add("subject", userId.toString())
                .add("erasedAt", at.toString()).add("erased", counts)
                .add("kept", Jsons.createArrayBuilder().add("the user id as a pseudonym").add("meetings and their counts")
                        .add("audit trail entries (ids only)").add("poll votes and reactions, without a name"))
                .build().toString();
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            LOG.warning(() -> "An erased file's blob " + key + " could not be removed: " + e.getMessage());
        }
    }
}
