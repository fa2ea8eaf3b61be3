package io.convene.privacy;

import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a person's data is, section by section: what an export contains and what an erasure must
 * reach. Each section is one query by the person's user id (?1).
 */
final class PersonalData {

    /** Section name (the file in the export) and its query. */
    static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("profile", """
                select id, name, email, first_name, last_name, phone, department, manager_dn, time_zone, profile_picture_url,
                       status, created_at, directory_dn, directory_username, directory_roles
                from users where id = ?1""");
        SECTIONS.put("meetings-hosted", """
                select id, title, agenda, starts_at, ends_at, time_zone, status, created_at, ended_at
                from meetings where host_id = ?1 order by starts_at""");
        SECTIONS.put("participations", """
                select p.id, p.meeting_id, m.title as meeting_title, p.role, p.invited_at, p.first_joined_at, p.left_at,
                       p.attended_seconds, p.joins, p.chat_messages, p.reactions, p.hands_raised, p.poll_answers,
                       p.questions_asked
                from participations p join meetings m on m.id = p.meeting_id where p.user_id = ?1 order by p.invited_at""");
        SECTIONS.put("visits", """
                select v.participation_id, v.joined_at, v.left_at from participation_visits v
                join participations p on p.id = v.participation_id where p.user_id = ?1 order by v.joined_at""");
        SECTIONS.put("chat-messages", """
                select c.id, c.meeting_id, c.content, c.recipient_id is not null as private, c.attachment_id, c.sent_at
                from chat_messages c join participations p on p.id = c.sender_id where p.user_id = ?1 order by c.sent_at""");
        SECTIONS.put("files", """
                select a.id, a.meeting_id, a.file_name, a.content_type, a.size_bytes, a.created_at
                from chat_attachments a join participations p on p.id = a.uploader_id where p.user_id = ?1 order by a.created_at""");
        SECTIONS.put("poll-answers", """
                select v.poll_id, po.question, o.text as answer, v.voted_at
                from poll_votes v join participations p on p.id = v.participation_id
                join polls po on po.id = v.poll_id join poll_options o on o.id = v.option_id
                where p.user_id = ?1 order by v.voted_at""");
        SECTIONS.put("questions", """
                select q.id, q.meeting_id, q.text, q.status, q.answer, q.asked_at from questions q
                join participations p on p.id = q.asked_by where p.user_id = ?1 order by q.asked_at""");
        SECTIONS.put("notifications", """
                select id, kind, meeting_id, message, sent_at, read_at from notifications where user_id = ?1 order by sent_at""");
        SECTIONS.put("consents", """
                select channel, topic, wanted from notification_choices where user_id = ?1 order by channel, topic""");
        SECTIONS.put("calendar-connections", """
                select provider, connected_at, last_success_at from integration_connections where user_id = ?1""");
        SECTIONS.put("audit", """
                select a.id, a.at, a.action, a.meeting_id, a.target, a.source_ip, a.outcome,
                       a.actor_user_id = ?1 as by_them
                from audit_entries a
                where a.actor_user_id = ?1 or a.target = 'user:' || ?1
                   or a.target_participation_id in (select id from participations where user_id = ?1)
                order by a.id""");
        SECTIONS.put("legal-holds", """
                select reason, placed_at from legal_holds where user_id = ?1""");
        SECTIONS.put("recordings", """
                select r.id, m.title as meeting, r.started_at, r.stopped_at, r.status, r.duration_ms, r.size_bytes,
                       r.started_by = ?1 as started_by_them
                from recordings r join meetings m on m.id = r.meeting_id
                where r.started_by = ?1 or exists (select 1 from participations p
                                                   where p.meeting_id = r.meeting_id and p.user_id = ?1 and p.admitted_at is not null)
                order by r.started_at""");
    }

    private PersonalData() {
    }

    static JsonArray section(EntityManager em, String name, UUID userId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(SECTIONS.get(name), Tuple.class).setParameter(1, userId).getResultList();
        JsonArrayBuilder out = Jsons.createArrayBuilder();
        for (Tuple row : rows) {
            JsonObjectBuilder o = Jsons.createObjectBuilder();
            for (TupleElement<?> e : row.getElements()) {
                Object v = row.get(e);
                String key = e.getAlias();
                if (v == null) {
                    o.addNull(key);
                } else if (v instanceof Boolean b) {
                    o.add(key, b);
                } else if (v instanceof Number n) {
                    o.add(key, n.longValue());
                } else if (v instanceof OffsetDateTime t) {
                    o.add(key, t.toInstant().toString());
                } else if (v instanceof java.sql.Timestamp t) {
                    o.add(key, t.toInstant().toString());
                } else if (v instanceof Instant i) {
                    o.add(key, i.toString());
                } else {
                    o.add(key, v.toString());
                }
            }
            out.add(o);
        }
        return out.build();
    }
}
