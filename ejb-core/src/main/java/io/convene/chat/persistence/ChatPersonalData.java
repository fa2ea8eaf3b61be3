package io.convene.chat.persistence;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportRows;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.personaldata.RetentionRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.io.InputStream;
import io.convene.storage.BlobStore;
import jakarta.inject.Inject;

/** The messages a person sent and the files they shared (stored in the blob store). */
@ApplicationScoped
public class ChatPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws IOException {
        out.section("chat-messages", "Chat messages you sent", rows("""
                select c.id, c.meeting_id, c.content, c.recipient_id is not null as private, c.attachment_id, c.sent_at
                from chat_messages c join participations p on p.id = c.sender_id where p.user_id = ?1 order by c.sent_at""",
                personId));
        out.section("files", "Files you shared in chats (the files themselves are in files/)", rows("""
                select a.id, a.meeting_id, a.file_name, a.content_type, a.size_bytes, a.created_at
                from chat_attachments a join participations p on p.id = a.uploader_id where p.user_id = ?1 order by a.created_at""",
                personId));
        @SuppressWarnings("unchecked")
        List<Object[]> files = em.createNativeQuery("""
                        select a.id, a.file_name, a.storage_key from chat_attachments a
                        join participations p on p.id = a.uploader_id where p.user_id = ?1""")
                .setParameter(1, personId).getResultList();
        for (Object[] f : files) {
            try (InputStream in = blobs.open((String) f[2])) {
                out.file("files/" + f[0] + "-" + ((String) f[1]).replaceAll("[^\\p{L}\\p{N}._-]", "_"), in);
            }
        }
    }

    @Override
    public void collect(Erasure erasure) {
        strings("""
                select c.content from chat_messages c join participations p on p.id = c.sender_id
                where p.user_id = ?1 and length(c.content) >= 4""", erasure.person().id())
                .forEach(text -> erasure.replaceInLogs(text, ""));
    }

    @Override
    public void erase(Erasure erasure) {
        UUID personId = erasure.person().id();
        erasure.erased("chat-messages", em.createNativeQuery("""
                update chat_messages set content = '' where sender_id in (select id from participations where user_id = ?1)""")
                .setParameter(1, personId).executeUpdate());
        strings("""
                select a.storage_key from chat_attachments a join participations p on p.id = a.uploader_id where p.user_id = ?1""",
                personId).forEach(erasure::deleteFileAfterwards);
        erasure.erased("files", em.createNativeQuery("""
                delete from chat_attachments where uploader_id in (select id from participations where user_id = ?1)""")
                .setParameter(1, personId).executeUpdate());
    }

    @Override
    public void purge(RetentionRun run) {
        Instant before = run.before(run.ages().chatDays());
        if (before == null) {
            return;
        }
        run.counted("chat-messages", count("select count(*) from chat_messages where sent_at < ?1", before));
        run.counted("chat-files", count("select count(*) from chat_attachments a where a.created_at < ?1", before));
        if (run.purging()) {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery("select storage_key from chat_attachments where created_at < ?1")
                    .setParameter(1, before).getResultList();
            em.createNativeQuery("delete from chat_messages where sent_at < ?1").setParameter(1, before).executeUpdate();
            em.createNativeQuery("delete from chat_attachments where created_at < ?1").setParameter(1, before).executeUpdate();
            keys.forEach(run::deleteFileAfterwards);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, UUID personId) {
        return em.createNativeQuery(sql).setParameter(1, personId).getResultList();
    }

    private int count(String sql, Instant before) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, before).getSingleResult()).intValue();
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }
}
