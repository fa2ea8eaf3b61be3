package io.convene.qa;

import io.convene.meeting.Attendees;
import io.convene.meeting.EventAudience;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.ParticipantActivity;
import io.convene.meeting.Participation;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Q&A: those in the meeting ask and upvote; the host and co-hosts answer or dismiss. The list shows
 * open questions first, most upvoted first; dismissed ones only to hosts.
 */
@Stateless
public class QuestionBoard {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    MeetingEventLog events;

    @Inject
    Clock clock;

    /** @param caller the participant, or null for a guest with {@code guestTicket} */
    public QuestionView ask(Caller caller, String guestTicket, String reference, String text) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        meeting.requireInMeeting(me);
        Question q = new Question(meeting.id(), me.id(), text.strip(), clock.instant());
        em.persist(q);
        me.counted(ParticipantActivity.Kind.QUESTION);
        QuestionView view = view(meeting, q, 0, false);
        announce(meeting, "question.asked", view);
        return view;
    }

    public QuestionView upvote(Caller caller, String guestTicket, String reference, UUID questionId, boolean on) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        meeting.requireInMeeting(me);
        Question q = question(meeting, questionId, me);
        int changed = on
                ? em.createNativeQuery("insert into question_votes (question_id, participation_id, voted_at) values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, q.id()).setParameter(2, me.id()).setParameter(3, clock.instant()).executeUpdate()
                : em.createNativeQuery("delete from question_votes where question_id = ?1 and participation_id = ?2")
                        .setParameter(1, q.id()).setParameter(2, me.id()).executeUpdate();
        QuestionView view = view(meeting, q, votes(List.of(q.id())).getOrDefault(q.id(), 0L), on);
        if (changed > 0) {
            announce(meeting, "question.votes", view);
        }
        return view;
    }

    public QuestionView answer(Caller caller, String reference, UUID questionId, String answer) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = runner(meeting, caller);
        Question q = question(meeting, questionId, me);
        q.answer(me.id(), answer.strip(), clock.instant());
        QuestionView view = view(meeting, q, votes(List.of(q.id())).getOrDefault(q.id(), 0L), false);
        announce(meeting, "question.answered", view);
        return view;
    }

    public QuestionView dismiss(Caller caller, String reference, UUID questionId) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = runner(meeting, caller);
        Question q = question(meeting, questionId, me);
        q.dismiss(clock.instant());
        QuestionView view = view(meeting, q, votes(List.of(q.id())).getOrDefault(q.id(), 0L), false);
        events.record(meeting, "question.dismissed", Jsons.createObjectBuilder().add("questionId", q.id().toString()),
                EventAudience.ALL, null);
        return view;
    }

    public List<QuestionView> list(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.seeing(meeting, caller, guestTicket);
        List<Question> all = em.createQuery("select q from Question q where q.meetingId = :m", Question.class)
                .setParameter("m", meeting.id()).getResultList().stream()
                .filter(q -> q.status() != Question.Status.DISMISSED || me.isHostOrCoHost()).toList();
        Map<UUID, Long> votes = votes(all.stream().map(Question::id).toList());
        Set<UUID> mine = myVotes(me.id());
        return all.stream().map(q -> view(meeting, q, votes.getOrDefault(q.id(), 0L), mine.contains(q.id())))
                .sorted(Comparator.comparing((QuestionView v) -> v.status().ordinal())
                        .thenComparing(QuestionView::votes, Comparator.reverseOrder())
                        .thenComparing(QuestionView::askedAt))
                .toList();
    }

    private Participation runner(Meeting meeting, Caller caller) {
        Participation me = attendees.runningIt(meeting, caller, "Only the host and co-hosts answer or dismiss questions");
        return me;
    }

    private Question question(Meeting meeting, UUID questionId, Participation viewer) {
        Question q = em.find(Question.class, questionId);
        if (q == null || !q.meetingId().equals(meeting.id())
                || (q.status() == Question.Status.DISMISSED && !viewer.isHostOrCoHost())) {
            throw new NotFoundException("No such question");
        }
        return q;
    }

    private Map<UUID, Long> votes(List<UUID> questionIds) {
        Map<UUID, Long> votes = new HashMap<>();
        if (!questionIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select question_id, count(*) from question_votes where question_id = any(?1) group by question_id")
                    .setParameter(1, questionIds.toArray(new UUID[0])).getResultList();
            rows.forEach(r -> votes.put((UUID) r[0], ((Number) r[1]).longValue()));
        }
        return votes;
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> myVotes(UUID participationId) {
        return new HashSet<>(em.createNativeQuery("select question_id from question_votes where participation_id = ?1")
                .setParameter(1, participationId).getResultList());
    }

    private void announce(Meeting meeting, String type, QuestionView v) {
        var payload = Jsons.createObjectBuilder().add("questionId", v.id().toString()).add("text", v.text())
                .add("askedBy", v.askedBy()).add("status", v.status().name()).add("votes", v.votes());
        if (v.answer() != null) {
            payload.add("answer", v.answer());
        }
        events.record(meeting, type, payload, EventAudience.ALL, null);
    }

    private static QuestionView view(Meeting meeting, Question q, long votes, boolean mine) {
        String asker = meeting.participation(q.askedBy()).map(Participation::displayName).orElse("?");
        return new QuestionView(q.id(), q.text(), asker, q.status(), q.answer(), votes, mine, q.askedAt());
    }
}
