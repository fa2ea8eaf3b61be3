package io.convene.search.persistence;

import io.convene.search.SearchIndex;
import io.convene.search.SearchService.MeetingHit;
import io.convene.search.SearchService.MessageHit;
import io.convene.search.SearchService.PersonHit;
import io.convene.shared.NativeValues;
import io.convene.shared.SqlLike;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/** {@link SearchIndex} in PostgreSQL: trigram similarity for people, full-text columns for meetings and chat. */
@ApplicationScoped
public class SqlSearchIndex implements SearchIndex {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Override
    public List<PersonHit> people(String term, boolean deactivatedToo, int limit) {
        // a looser word similarity than the default 0.6, so "pabol" finds "Pablo"
        em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', '0.3', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, name, email, department, status = 'ACTIVE' from users
                        where (status = 'ACTIVE' or ?4) and (lower(name) like ?1 or email like ?1 or ?2 <% lower(name) or ?2 <% email)
                        order by (lower(name) like ?1 or email like ?1) desc,
                                 greatest(word_similarity(?2, lower(name)), word_similarity(?2, email)) desc, name
                        limit ?3""")
                .setParameter(1, SqlLike.literal(term) + "%").setParameter(2, term).setParameter(3, limit)
                .setParameter(4, deactivatedToo).getResultList();
        return rows.stream().map(r -> new PersonHit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4]))
                .toList();
    }

    @Override
    public List<MeetingHit> meetings(MeetingCriteria c) {
        StringBuilder sql = new StringBuilder("""
                select m.id, m.title, m.starts_at, m.ends_at, m.status, h.name from meetings m join users h on h.id = m.host_id
                where true""");
        if (c.viewer() != null) {
            sql.append(" and exists (select 1 from participations p where p.meeting_id = m.id"
                    + " and (p.user_id = :me or (cast(:verified as boolean) and p.invited_email = :myEmail)))");
        }
        if (c.words() != null) {
            sql.append(" and m.search @@ to_tsquery('simple', :words)");
        }
        if (c.from() != null) {
            sql.append(" and m.starts_at >= :from");
        }
        if (c.to() != null) {
            sql.append(" and m.starts_at < :to");
        }
        if (c.participant() != null) {
            sql.append(" and exists (select 1 from participations q left join users qu on qu.id = q.user_id"
                    + " where q.meeting_id = m.id and (qu.email = :who or q.invited_email = :who))");
        }
        sql.append(" order by m.starts_at desc limit :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("limit", c.limit());
        if (c.viewer() != null) {
            query.setParameter("me", c.viewer().userId()).setParameter("myEmail", c.viewer().email())
                    .setParameter("verified", c.viewer().emailVerified());
        }
        if (c.words() != null) {
            query.setParameter("words", c.words());
        }
        if (c.from() != null) {
            query.setParameter("from", c.from());
        }
        if (c.to() != null) {
            query.setParameter("to", c.to());
        }
        if (c.participant() != null) {
            query.setParameter("who", c.participant());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new MeetingHit((UUID) r[0], (String) r[1], NativeValues.instant(r[2]),
                NativeValues.instant(r[3]), (String) r[4], (String) r[5])).toList();
    }

    @Override
    public List<MessageHit> messages(UUID userId, String words, UUID meetingId, int limit) {
        Query query = em.createNativeQuery("""
                        select c.id, c.meeting_id, m.title, coalesce(su.name, s.guest_name, s.invited_email), c.content,
                               c.sent_at, c.recipient_id is not null
                        from chat_messages c
                        join meetings m on m.id = c.meeting_id
                        join participations mine on mine.meeting_id = c.meeting_id and mine.user_id = :me
                                                  and mine.first_joined_at is not null
                        join participations s on s.id = c.sender_id left join users su on su.id = s.user_id
                        where c.search @@ to_tsquery('simple', :words)
                          and (c.recipient_id is null or c.recipient_id = mine.id or c.sender_id = mine.id)
                          and (c.room_id is null or c.sender_id = mine.id or mine.role in ('HOST', 'CO_HOST'))
                          and (mine.removed_at is null or c.sent_at <= mine.removed_at)"""
                        + (meetingId == null ? "" : " and c.meeting_id = :meeting") + " order by c.sent_at desc limit :limit")
                .setParameter("me", userId).setParameter("words", words).setParameter("limit", limit);
        if (meetingId != null) {
            query.setParameter("meeting", meetingId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new MessageHit((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], NativeValues.instant(r[5]), (Boolean) r[6])).toList();
    }
}
