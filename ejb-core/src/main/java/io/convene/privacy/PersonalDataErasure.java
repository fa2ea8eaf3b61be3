package io.convene.privacy;

import io.convene.storage.BlobStore;
import io.convene.user.IdentityProvider;
import io.convene.user.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Erases a person's data everywhere Convene keeps it, in the caller's transaction (all or nothing):
 * their messages' text, their files, the files of their exports (made before, still in the blob
 * store for their day), their questions, their notifications and choices, their calendar
 * connections, their wrong passcodes, their name and address wherever the meeting logs repeat
 * them, the directory's errors about them, their Keycloak account; the user row stays as a
 * pseudonym, so meetings, counts and the audit trail keep adding up. Answers what was erased, per kind.
 */
@Stateless
public class PersonalDataErasure {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    BlobStore blobs;

    @EJB
    IdentityProvider identity;

    public Map<String, Integer> erase(UUID userId, java.time.Instant now) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        String name = user.name();
        String email = user.email();
        String subject = user.subject();
        String dn = user.directoryDn();
        Map<String, Integer> erased = new LinkedHashMap<>();

        List<String> texts = new ArrayList<>(List.of(name, email));
        texts.addAll(strings("""
                select c.content from chat_messages c join participations p on p.id = c.sender_id
                where p.user_id = ?1 and length(c.content) >= 4""", userId));
        texts.addAll(strings("""
                select q.text from questions q join participations p on p.id = q.asked_by
                where p.user_id = ?1 and length(q.text) >= 4""", userId));

        erased.put("meeting-log-entries", scrubMeetingEvents(userId, texts, "Erased user " + userId.toString().substring(0, 8)));
        erased.put("chat-messages", update("""
                update chat_messages set content = '' where sender_id in (select id from participations where user_id = ?1)""", userId));
        List<String> keys = strings("""
                select a.storage_key from chat_attachments a join participations p on p.id = a.uploader_id where p.user_id = ?1""", userId);
        erased.put("files", update("""
                delete from chat_attachments where uploader_id in (select id from participations where user_id = ?1)""", userId));
        erased.put("questions", update("""
                update questions set text = '[erased]' where asked_by in (select id from participations where user_id = ?1)""", userId));
        erased.put("whiteboard-texts", update("""
                update whiteboard_ops set shape = shape - 'text'
                where author_id in (select id from participations where user_id = ?1) and jsonb_exists(shape, 'text')""", userId));
        List<String> exports = em.createQuery("select r from PrivacyRequest r where r.subjectId = :u and r.kind = :export"
                        + " and r.blobKey is not null", PrivacyRequest.class)
                .setParameter("u", userId).setParameter("export", PrivacyRequest.Kind.EXPORT).getResultStream()
                .map(r -> r.withdraw(now)).toList();
        erased.put("exports", exports.size());
        erased.put("profile-picture", update("delete from profile_pictures where user_id = ?1", userId));
        erased.put("notifications", update("delete from notifications where user_id = ?1", userId));
        erased.put("notification-choices", update("delete from notification_choices where user_id = ?1", userId));
        erased.put("calendar-connections", update("delete from integration_connections where user_id = ?1", userId));
        // invitations to the address are the person's only if the address was verified as theirs
        erased.put("invitations-by-address", !user.emailVerified() ? 0
                : em.createNativeQuery("update participations set invited_email = ?1 where invited_email = ?2")
                .setParameter(1, "erased-" + userId + "@erased.invalid").setParameter(2, email).executeUpdate());
        erased.put("passcode-failures", subject == null ? 0 : em.createNativeQuery(
                "delete from passcode_failures where client_key = ?1").setParameter(1, "user:" + subject).executeUpdate());
        erased.put("directory-errors", dn == null ? 0
                : em.createNativeQuery("delete from directory_run_errors where entry = ?1").setParameter(1, dn).executeUpdate());
        user.erase();
        erased.put("profile", 1);
        em.flush();
        if (subject != null) {
            identity.deleteAccount(subject); // last: if Keycloak fails, nothing above is kept either
            erased.put("identity-account", 1);
        }
        keys.forEach(this::deleteBlob); // the files go once everything else has been done
        exports.forEach(this::deleteBlob);
        LOG.info(() -> "Erased the personal data of user " + userId + ": " + erased);
        return erased;
    }

    static String certificate(UUID requestId, UUID userId, Map<String, Integer> erased, java.time.Instant at) {
        var counts = Jsons.createObjectBuilder();
        erased.forEach(counts::add);
        return Jsons.createObjectBuilder().add("request", requestId.toString()).add("subject", userId.toString())
                .add("erasedAt", at.toString()).add("erased", counts)
                .add("kept", Jsons.createArrayBuilder().add("the user id as a pseudonym").add("meetings and their counts")
                        .add("audit trail entries (ids only)").add("poll votes and reactions, without a name"))
                .build().toString();
    }

    /**
     * The meeting logs (replayed to reconnecting clients) repeat names and message texts: every
     * event of the person's meetings that holds one of them has it replaced.
     */
    private int scrubMeetingEvents(UUID userId, List<String> texts, String pseudonym) {
        List<String> jsonTexts = texts.stream().filter(t -> t != null && !t.isBlank()).map(PersonalDataErasure::jsonEscaped).toList();
        if (jsonTexts.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("""
                        select e.id, e.payload::text from meeting_events e
                        where e.meeting_id in (select meeting_id from participations where user_id = ?1)""")
                .setParameter(1, userId).getResultList();
        int changed = 0;
        for (Object[] e : events) {
            String payload = (String) e[1];
            String scrubbed = payload;
            for (int i = 0; i < jsonTexts.size(); i++) {
                scrubbed = scrubbed.replace(jsonTexts.get(i), i == 0 ? jsonEscaped(pseudonym) : i == 1 ? "erased@erased.invalid" : "");
            }
            if (!scrubbed.equals(payload)) {
                em.createNativeQuery("update meeting_events set payload = cast(?1 as jsonb) where id = ?2")
                        .setParameter(1, scrubbed).setParameter(2, e[0]).executeUpdate();
                changed++;
            }
        }
        return changed;
    }

    private static String jsonEscaped(String text) {
        String quoted = Jsons.createValue(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, UUID userId) {
        return em.createNativeQuery(sql).setParameter(1, userId).getResultList();
    }

    private int update(String sql, UUID userId) {
        return em.createNativeQuery(sql).setParameter(1, userId).executeUpdate();
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            LOG.warning(() -> "An erased file's blob " + key + " could not be removed: " + e.getMessage());
        }
    }
}
