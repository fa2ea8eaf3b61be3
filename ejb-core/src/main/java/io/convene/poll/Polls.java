package io.convene.poll;

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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Polls: the host or a co-host opens one, those in the meeting vote (again to change their vote),
 * everyone sees the counts live on the channel, the host closes it.
 */
@Stateless
public class Polls {

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    PollRepository polls;

    @Inject
    MeetingEventLog events;

    @Inject
    Clock clock;

    public PollView open(Caller caller, String reference, PollDraft draft) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = runner(meeting, caller);
        Poll poll = Poll.asked(meeting.id(), draft, me.id(), clock.instant());
        polls.add(poll);
        PollView view = view(meeting, poll, me);
        events.record(meeting, "poll.opened", json(view), EventAudience.ALL, null);
        return view;
    }

    /** @param caller the voter, or null for a guest with {@code guestTicket} */
    public PollView vote(Caller caller, String guestTicket, String reference, UUID pollId, Ballot ballot) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        meeting.requireInMeeting(me);
        Poll poll = polls.byId(meeting.id(), pollId).orElseThrow(() -> new NotFoundException("No such poll"));
        List<UUID> choices = poll.choicesOf(ballot);
        if (polls.vote(poll.id(), me.id(), choices, clock.instant())) {
            me.counted(ParticipantActivity.Kind.POLL_ANSWER);
        }
        PollView view = view(meeting, poll, me);
        events.record(meeting, "poll.results", json(view), EventAudience.ALL, null);
        return view;
    }

    public PollView close(Caller caller, String reference, UUID pollId) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = runner(meeting, caller);
        Poll poll = polls.byId(meeting.id(), pollId).orElseThrow(() -> new NotFoundException("No such poll"));
        boolean wasOpen = poll.close(clock.instant());
        PollView view = view(meeting, poll, me);
        if (wasOpen) { // closing it again (two hosts at once, a second click) announces nothing more
            events.record(meeting, "poll.closed", json(view), EventAudience.ALL, null);
        }
        return view;
    }

    public List<PollView> list(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.seeing(meeting, caller, guestTicket);
        return polls.ofMeeting(meeting.id()).stream().map(p -> view(meeting, p, me)).toList();
    }

    private Participation runner(Meeting meeting, Caller caller) {
        Participation me = attendees.runningIt(meeting, caller, "Only the host and co-hosts run polls");
        meeting.requireInMeeting(me);
        return me;
    }

    private PollView view(Meeting meeting, Poll poll, Participation viewer) {
        return poll.resultsFor(polls.votes(poll.id()), viewer.id(), viewer.isHostOrCoHost(),
                voter -> meeting.participation(voter).map(Participation::displayName).orElse("?"));
    }

    /** What the channel carries: the counts, never names or anyone's own vote. */
    private static JsonObjectBuilder json(PollView v) {
        JsonArrayBuilder options = Jsons.createArrayBuilder();
        v.options().forEach(o -> options.add(Jsons.createObjectBuilder().add("id", o.id().toString())
                .add("text", o.text()).add("votes", o.votes())));
        return Jsons.createObjectBuilder().add("pollId", v.id().toString()).add("question", v.question())
                .add("multiple", v.multiple()).add("anonymous", v.anonymous()).add("closed", v.closed())
                .add("voters", v.voters()).add("options", options);
    }
}
