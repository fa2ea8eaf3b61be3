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
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<String> options = draft.options().stream().map(String::strip).toList();
        if (new HashSet<>(options).size() != options.size()) {
            throw new InvalidInputException("options", "answers must differ");
        }
        Poll poll = new Poll(meeting.id(), draft.question().strip(), options, draft.multiple(), draft.anonymous(), me.id(),
                clock.instant());
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
        if (poll.isClosed()) {
            throw new ConflictException("This poll is closed");
        }
        Set<UUID> choices = new HashSet<>(ballot.optionIds());
        Set<UUID> valid = new HashSet<>(poll.options().stream().map(PollOption::id).toList());
        if (!valid.containsAll(choices) || choices.size() != ballot.optionIds().size()) {
            throw new InvalidInputException("optionIds", "choose among this poll's answers, each once");
        }
        if (!poll.multiple() && choices.size() != 1) {
            throw new InvalidInputException("optionIds", "this poll takes exactly one answer");
        }
        if (polls.vote(poll.id(), me.id(), List.copyOf(choices), clock.instant())) {
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
        poll.close(clock.instant());
        PollView view = view(meeting, poll, me);
        events.record(meeting, "poll.closed", json(view), EventAudience.ALL, null);
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
        Map<UUID, List<UUID>> byOption = new LinkedHashMap<>();
        poll.options().forEach(o -> byOption.put(o.id(), new ArrayList<>()));
        Set<UUID> voters = new HashSet<>();
        List<UUID> mine = new ArrayList<>();
        for (Object[] vote : polls.votes(poll.id())) {
            UUID option = (UUID) vote[0];
            UUID voter = (UUID) vote[1];
            byOption.get(option).add(voter);
            voters.add(voter);
            if (voter.equals(viewer.id())) {
                mine.add(option);
            }
        }
        boolean names = !poll.anonymous() && viewer.isHostOrCoHost();
        List<PollView.Option> options = poll.options().stream().map(o -> new PollView.Option(o.id(), o.text(),
                byOption.get(o.id()).size(), names ? byOption.get(o.id()).stream()
                .map(v -> meeting.participation(v).map(Participation::displayName).orElse("?")).sorted().toList() : null))
                .toList();
        return new PollView(poll.id(), poll.question(), poll.multiple(), poll.anonymous(), poll.isClosed(), options,
                voters.size(), mine);
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
