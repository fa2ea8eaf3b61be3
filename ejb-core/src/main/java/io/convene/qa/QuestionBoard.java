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
import java.time.Clock;
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

    @Inject
    QuestionRepository questions;

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
        questions.add(q);
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
        boolean changed = on ? questions.upvote(q.id(), me.id(), clock.instant()) : questions.withdrawUpvote(q.id(), me.id());
        QuestionView view = view(meeting, q, upvotes(q), on);
        if (changed) {
            announce(meeting, "question.votes", view);
        }
        return view;
    }

    public QuestionView answer(Caller caller, String reference, UUID questionId, String answer) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = runner(meeting, caller);
        Question q = question(meeting, questionId, me);
        q.answer(me.id(), answer.strip(), clock.instant());
        QuestionView view = view(meeting, q, upvotes(q), false);
        announce(meeting, "question.answered", view);
        return view;
    }

    public QuestionView dismiss(Caller caller, String reference, UUID questionId) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = runner(meeting, caller);
        Question q = question(meeting, questionId, me);
        q.dismiss(clock.instant());
        QuestionView view = view(meeting, q, upvotes(q), false);
        events.record(meeting, "question.dismissed", Jsons.createObjectBuilder().add("questionId", q.id().toString()),
                EventAudience.ALL, null);
        return view;
    }

    public List<QuestionView> list(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.seeing(meeting, caller, guestTicket);
        List<Question> all = questions.ofMeeting(meeting.id()).stream()
                .filter(q -> q.isVisibleTo(me.isHostOrCoHost())).toList();
        Map<UUID, Long> votes = questions.upvotes(all.stream().map(Question::id).toList());
        Set<UUID> mine = questions.upvotedBy(me.id());
        return all.stream().map(q -> view(meeting, q, votes.getOrDefault(q.id(), 0L), mine.contains(q.id())))
                .sorted(QuestionView.BOARD_ORDER).toList();
    }

    private Participation runner(Meeting meeting, Caller caller) {
        Participation me = attendees.runningIt(meeting, caller, "Only the host and co-hosts answer or dismiss questions");
        return me;
    }

    private Question question(Meeting meeting, UUID questionId, Participation viewer) {
        return questions.byId(questionId)
                .filter(q -> q.meetingId().equals(meeting.id()) && q.isVisibleTo(viewer.isHostOrCoHost()))
                .orElseThrow(() -> new NotFoundException("No such question"));
    }

    private long upvotes(Question q) {
        return questions.upvotes(List.of(q.id())).getOrDefault(q.id(), 0L);
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
