package io.convene.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * How one participant took part in a meeting, counted as it happens: when they first came, how long
 * they were in it over all their visits, how often they (re)joined, and what they contributed.
 */
@Embeddable
public class ParticipantActivity {

    /** What a participant does that counts as taking part. */
    public enum Kind { CHAT_MESSAGE, REACTION, HAND_RAISED, POLL_ANSWER, QUESTION }

    @Column(name = "first_joined_at")
    private Instant firstJoinedAt;

    @Column(name = "attended_seconds", nullable = false)
    private long attendedSeconds;

    @Column(nullable = false)
    private int joins;

    @Column(name = "chat_messages", nullable = false)
    private int chatMessages;

    @Column(nullable = false)
    private int reactions;

    @Column(name = "hands_raised", nullable = false)
    private int handsRaised;

    @Column(name = "poll_answers", nullable = false)
    private int pollAnswers;

    @Column(name = "questions_asked", nullable = false)
    private int questionsAsked;

    void entered(Instant now) {
        if (firstJoinedAt == null) {
            firstJoinedAt = now;
        }
        joins++;
    }

    void left(Instant joinedAt, Instant now) {
        if (joinedAt != null && now.isAfter(joinedAt)) {
            attendedSeconds += Duration.between(joinedAt, now).toSeconds();
        }
    }

    void count(Kind kind) {
        switch (kind) {
            case CHAT_MESSAGE -> chatMessages++;
            case REACTION -> reactions++;
            case HAND_RAISED -> handsRaised++;
            case POLL_ANSWER -> pollAnswers++;
            case QUESTION -> questionsAsked++;
        }
    }

    public Instant firstJoinedAt() {
        return firstJoinedAt;
    }

    /** Time in the meeting over all visits that have ended (the current visit is not counted yet). */
    public long attendedSeconds() {
        return attendedSeconds;
    }

    public int joins() {
        return joins;
    }

    public int chatMessages() {
        return chatMessages;
    }

    public int reactions() {
        return reactions;
    }

    public int handsRaised() {
        return handsRaised;
    }

    public int pollAnswers() {
        return pollAnswers;
    }

    public int questionsAsked() {
        return questionsAsked;
    }
}
