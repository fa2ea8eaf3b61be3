package io.convene.poll;

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

    void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
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
}
