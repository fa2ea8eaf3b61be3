package io.convene.search;

import io.convene.shared.NativeValues;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Search over people, meetings and chat, always within what the caller may see: everyone finds
 * active colleagues, compliance officers and administrators deactivated people too (leavers, whose
 * data they export, hold or erase); meetings only those one hosts, is invited to or joined (administrators and
 * compliance officers all); chat only in meetings one attended, private messages only one's own,
 * messages of breakout rooms only one's own and, for hosts, all (rooms change; who was in which is not kept);
 * nothing said in a meeting after one was removed from it.
 */
@Stateless
public class SearchService {

    private static final int MAX = 50;

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    UserService users;

    /** {@code active}: false for a deactivated person (only compliance officers and administrators find them). */
    public record PersonHit(UUID id, String name, String email, String department, boolean active) {
    }

    public record MeetingHit(UUID id, String title, Instant startsAt, Instant endsAt, String status, String hostName) {
    }

    public record MessageHit(UUID id, UUID meetingId, String meetingTitle, String sender, String content, Instant sentAt,
                             boolean privateMessage) {
    }

    /** By name or address: prefix, or similar enough to forgive a typo or two. */
    public List<PersonHit> people(Caller caller, String typed, int limit) {
        users.current(caller);
        boolean everyone = caller.isAdmin() || caller.roles().contains(Caller.COMPLIANCE_OFFICER);
        String q = SearchTerms.person(typed);
        // a looser word similarity than the default 0.6, so "pabol" finds "Pablo"
        em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', '0.3', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, name, email, department, status = 'ACTIVE' from users
                        where (status = 'ACTIVE' or ?4) and (lower(name) like ?1 or email like ?1 or ?2 <% lower(name) or ?2 <% email)
                        order by (lower(name) like ?1 or email like ?1) desc,
                                 greatest(word_similarity(?2, lower(name)), word_similarity(?2, email)) desc, name
                        limit ?3""")
                .setParameter(1, escapeLike(q) + "%").setParameter(2, q).setParameter(3, bounded(limit)).setParameter(4, everyone)
                .getResultList();
        return rows.stream().map(r -> new PersonHit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4]))
                .toList();
    }

    /** By words of the title or agenda (prefixes), a date range and a participant's address; each optional but one. */
    public List<MeetingHit> meetings(Caller caller, String typed, Instant from, Instant to, String participant, int limit) {
        User me = users.current(caller);
        if ((typed == null || typed.isBlank()) && from == null && to == null && participant == null) {
            throw new InvalidInputException("q", "give words, a date range or a participant");
        }
        boolean all = caller.isAdmin() || caller.roles().contains(Caller.COMPLIANCE_OFFICER);
        StringBuilder sql = new StringBuilder("""
                select m.id, m.title, m.starts_at, m.ends_at, m.status, h.name from meetings m join users h on h.id = m.host_id
                where true""");
        if (!all) {
            sql.append(" and exists (select 1 from participations p where p.meeting_id = m.id"
                    + " and (p.user_id = :me or (cast(:verified as boolean) and p.invited_email = :myEmail)))");
        }
        if (typed != null && !typed.isBlank()) {
            sql.append(" and m.search @@ to_tsquery('simple', :words)");
        }
        if (from != null) {
            sql.append(" and m.starts_at >= :from");
        }
        if (to != null) {
            sql.append(" and m.starts_at < :to");
        }
        if (participant != null) {
            sql.append(" and exists (select 1 from participations q left join users qu on qu.id = q.user_id"
                    + " where q.meeting_id = m.id and (qu.email = :who or q.invited_email = :who))");
        }
        sql.append(" order by m.starts_at desc limit :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("limit", bounded(limit));
        if (!all) {
            query.setParameter("me", me.id()).setParameter("myEmail", me.email()).setParameter("verified", me.emailVerified());
        }
        if (typed != null && !typed.isBlank()) {
            query.setParameter("words", SearchTerms.prefixQuery(typed));
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (participant != null) {
            query.setParameter("who", User.normalizeEmail(participant));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new MeetingHit((UUID) r[0], (String) r[1], NativeValues.instant(r[2]), NativeValues.instant(r[3]),
                (String) r[4], (String) r[5])).toList();
    }

    /** Chat messages with these words, in meetings the caller attended (one meeting when given). */
    public List<MessageHit> messages(Caller caller, String typed, UUID meetingId, int limit) {
        User me = users.current(caller);
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
                .setParameter("me", me.id()).setParameter("words", SearchTerms.prefixQuery(typed))
                .setParameter("limit", bounded(limit));
        if (meetingId != null) {
            query.setParameter("meeting", meetingId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new MessageHit((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], NativeValues.instant(r[5]), (Boolean) r[6])).toList();
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
