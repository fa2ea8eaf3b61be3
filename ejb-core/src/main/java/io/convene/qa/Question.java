package io.convene.qa;

import io.convene.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A participant's question to the hosts; open until answered or dismissed. */
@Entity
@Table(name = "questions")
public class Question {

    public enum Status { OPEN, ANSWERED, DISMISSED }

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "asked_by", nullable = false)
    private UUID askedBy;

    @Column(nullable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String answer;

    @Column(name = "answered_by")
    private UUID answeredBy;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Question() {
    }

    Question(UUID meetingId, UUID askedBy, String text, Instant now) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.askedBy = askedBy;
        this.text = text;
        this.status = Status.OPEN;
        this.askedAt = now;
    }

    void answer(UUID by, String answer, Instant now) {
        requireOpen();
        this.status = Status.ANSWERED;
        this.answer = answer;
        this.answeredBy = by;
        this.closedAt = now;
    }

    void dismiss(Instant now) {
        requireOpen();
        this.status = Status.DISMISSED;
        this.closedAt = now;
    }

    /** Dismissed questions are shown only to those who run the meeting. */
    boolean isVisibleTo(boolean runsTheMeeting) {
        return status != Status.DISMISSED || runsTheMeeting;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new ConflictException("This question was already " + status.name().toLowerCase());
        }
    }

    public UUID id() {
        return id;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public UUID askedBy() {
        return askedBy;
    }

    public String text() {
        return text;
    }

    public Status status() {
        return status;
    }

    public String answer() {
        return answer;
    }

    public Instant askedAt() {
        return askedAt;
    }
}
