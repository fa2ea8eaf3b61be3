package io.convene.poll;

import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A question the host puts to the meeting, with single or multiple choice, named or anonymous. */
@Entity
@Table(name = "polls")
public class Poll {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(nullable = false)
    private String question;

    @Column(nullable = false)
    private boolean multiple;

    @Column(nullable = false)
    private boolean anonymous;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "poll", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<PollOption> options = new ArrayList<>();

    protected Poll() {
    }

    Poll(UUID meetingId, String question, List<String> options, boolean multiple, boolean anonymous, UUID createdBy,
         Instant now) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.question = question;
        this.multiple = multiple;
        this.anonymous = anonymous;
        this.createdBy = createdBy;
        this.createdAt = now;
        for (int i = 0; i < options.size(); i++) {
            this.options.add(new PollOption(this, i, options.get(i)));
        }
    }

    /** A new poll as drafted, its question and answers without surrounding blanks; the answers must differ. */
    static Poll asked(UUID meetingId, PollDraft draft, UUID by, Instant now) {
        List<String> options = draft.options().stream().map(String::strip).toList();
        if (new HashSet<>(options).size() != options.size()) {
            throw new InvalidInputException("options", "answers must differ");
        }
        return new Poll(meetingId, draft.question().strip(), options, draft.multiple(), draft.anonymous(), by, now);
    }

    /** Closes the poll; answers whether it was open (closing a closed poll changes nothing). */
    boolean close(Instant now) {
        if (closedAt != null) {
            return false;
        }
        closedAt = now;
        return true;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public String question() {
        return question;
    }

    public boolean multiple() {
        return multiple;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public List<PollOption> options() {
        return List.copyOf(options);
    }

    /**
     * The options a ballot chooses, if it may be cast: the poll is open, the ballot names this poll's
     * options each once, and only one unless the poll takes several.
     */
    List<UUID> choicesOf(Ballot ballot) {
        if (isClosed()) {
            throw new ConflictException("This poll is closed");
        }
        Set<UUID> choices = new HashSet<>(ballot.optionIds());
        Set<UUID> valid = options.stream().map(PollOption::id).collect(Collectors.toSet());
        if (!valid.containsAll(choices) || choices.size() != ballot.optionIds().size()) {
            throw new InvalidInputException("optionIds", "choose among this poll's answers, each once");
        }
        if (!multiple && choices.size() != 1) {
            throw new InvalidInputException("optionIds", "this poll takes exactly one answer");
        }
        return List.copyOf(choices);
    }

    /**
     * The results as one participant sees them: every option's count, how many voted and their own
     * vote; who chose what only on a named poll, and only for those who run the meeting.
     */
    PollView resultsFor(List<PollRepository.Vote> votes, UUID viewer, boolean runsTheMeeting,
                        Function<UUID, String> nameOf) {
        Map<UUID, List<UUID>> byOption = new LinkedHashMap<>();
        options.forEach(o -> byOption.put(o.id(), new ArrayList<>()));
        Set<UUID> voters = new HashSet<>();
        List<UUID> mine = new ArrayList<>();
        for (PollRepository.Vote vote : votes) {
            byOption.get(vote.optionId()).add(vote.participationId());
            voters.add(vote.participationId());
            if (vote.participationId().equals(viewer)) {
                mine.add(vote.optionId());
            }
        }
        boolean names = !anonymous && runsTheMeeting;
        List<PollView.Option> results = options.stream().map(o -> new PollView.Option(o.id(), o.text(),
                byOption.get(o.id()).size(), names ? byOption.get(o.id()).stream().map(nameOf).sorted().toList() : null))
                .toList();
        return new PollView(id, question, multiple, anonymous, isClosed(), results, voters.size(), mine);
    }
}
