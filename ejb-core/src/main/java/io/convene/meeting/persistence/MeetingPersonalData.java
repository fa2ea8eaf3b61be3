package io.convene.meeting.persistence;

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
import io.convene.shared.Jsons;
import java.util.Map;

/**
 * The meetings a person hosted, their participations and visits; the meeting logs (replayed to
 * reconnecting clients), which repeat names and words; invitations to their address and their
 * wrong passcodes.
 */
@ApplicationScoped
public class MeetingPersonalData implements PersonalDataKeeper {

    /** The longest wrong passcodes are kept (whatever the policy), in days: they are needed only for the guessing window. */
    static final int PASSCODE_FAILURE_DAYS = 30;

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws IOException {
        out.section("meetings-hosted", "Meetings you scheduled", rows("""
                select id, title, agenda, starts_at, ends_at, time_zone, status, created_at, ended_at
                from meetings where host_id = ?1 order by starts_at""", personId));
        out.section("participations", "Meetings you were invited to or took part in, with your attendance and engagement", rows("""
                select p.id, p.meeting_id, m.title as meeting_title, p.role, p.invited_at, p.first_joined_at, p.left_at,
                       p.attended_seconds, p.joins, p.chat_messages, p.reactions, p.hands_raised, p.poll_answers,
                       p.questions_asked
                from participations p join meetings m on m.id = p.meeting_id where p.user_id = ?1 order by p.invited_at""",
                personId));
        out.section("visits", "Each time you were in a meeting, from joining to leaving", rows("""
                select v.participation_id, v.joined_at, v.left_at from participation_visits v
                join participations p on p.id = v.participation_id where p.user_id = ?1 order by v.joined_at""", personId));
    }

    @Override
    public void erase(Erasure erasure) {
        Erasure.Person person = erasure.person();
        erasure.erased("meeting-log-entries", scrubMeetingEvents(person.id(), erasure.replacements()));
        // invitations to the address are the person's only if the address was verified as theirs
        erasure.erased("invitations-by-address", !person.emailVerified() || person.email() == null ? 0
                : em.createNativeQuery("update participations set invited_email = ?1 where invited_email = ?2")
                .setParameter(1, "erased-" + person.id() + "@erased.invalid").setParameter(2, person.email()).executeUpdate());
        erasure.erased("passcode-failures", person.subject() == null ? 0 : em.createNativeQuery(
                "delete from passcode_failures where client_key = ?1").setParameter(1, "user:" + person.subject()).executeUpdate());
    }

    @Override
    public void purge(RetentionRun run) {
        Instant chatBefore = run.before(run.ages().chatDays());
        if (chatBefore != null && run.purging()) { // the chat's copies in the logs go with the chat (counted there)
            em.createNativeQuery("delete from meeting_events where type like 'chat.%' and created_at < ?1")
                    .setParameter(1, chatBefore).executeUpdate();
        }
        Instant logsBefore = run.before(run.ages().meetingLogDays());
        if (logsBefore != null) {
            run.counted("meeting-log-entries", count("select count(*) from meeting_events where created_at < ?1", logsBefore));
            if (run.purging()) {
                em.createNativeQuery("delete from meeting_events where created_at < ?1").setParameter(1, logsBefore).executeUpdate();
            }
        }
        Integer meetingLogDays = run.ages().meetingLogDays();
        Instant passcodesBefore = run.before(meetingLogDays == null ? PASSCODE_FAILURE_DAYS
                : Math.min(meetingLogDays, PASSCODE_FAILURE_DAYS));
        run.counted("passcode-failures", count("select count(*) from passcode_failures where failed_at < ?1", passcodesBefore));
        if (run.purging()) {
            em.createNativeQuery("delete from passcode_failures where failed_at < ?1").setParameter(1, passcodesBefore).executeUpdate();
        }
    }

    /** Every event of the person's meetings that holds one of the texts has it replaced; answers how many changed. */
    private int scrubMeetingEvents(UUID personId, Map<String, String> replacements) {
        if (replacements.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("""
                        select e.id, e.payload::text from meeting_events e
                        where e.meeting_id in (select meeting_id from participations where user_id = ?1)""")
                .setParameter(1, personId).getResultList();
        int changed = 0;
        for (Object[] e : events) {
            String payload = (String) e[1];
            String scrubbed = payload;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                scrubbed = scrubbed.replace(jsonEscaped(r.getKey()), jsonEscaped(r.getValue()));
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

    private int count(String sql, Instant before) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, before).getSingleResult()).intValue();
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }
}
