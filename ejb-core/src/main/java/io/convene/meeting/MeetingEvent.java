package io.convene.meeting;

import io.convene.shared.Jsons;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One state change of a meeting as its channel carries it: numbered per meeting without gaps, so
 * a client that reconnects asks for what came after the last number it saw.
 */
@Entity
@Table(name = "meeting_events")
public class MeetingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false)
    private String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventAudience audience;

    private UUID recipient;

    @Column(name = "also_to")
    private UUID alsoTo;

    @Column(name = "room_id")
    private UUID roomId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Whom a {@code participant.*} event is about, read from its payload once (see {@link #about()}). */
    @jakarta.persistence.Transient
    private UUID about;

    @jakarta.persistence.Transient
    private boolean aboutRead;

    protected MeetingEvent() {
    }

    MeetingEvent(UUID meetingId, long seq, String type, String payload, EventAudience audience, UUID recipient,
                 UUID alsoTo, UUID roomId, Instant createdAt) {
        this.alsoTo = alsoTo;
        this.roomId = roomId;
        this.meetingId = meetingId;
        this.seq = seq;
        this.type = type;
        this.payload = payload;
        this.audience = audience;
        this.recipient = recipient;
        this.createdAt = createdAt;
    }

    /** Whether a participant with this id and standing, in this breakout room (or null), sees the event. */
    public boolean isVisibleTo(UUID participationId, boolean hostOrCoHost, UUID room) {
        return switch (audience) {
            case ROOM -> hostOrCoHost || roomId.equals(room);
            case ALL -> true;
            case HOSTS -> hostOrCoHost;
            case ONE -> hostOrCoHost || recipient.equals(participationId);
            case PAIR -> recipient.equals(participationId) || alsoTo.equals(participationId);
        };
    }

    /** Whether it is addressed to this participant alone (with the hosts), as a denial is. */
    public boolean isAddressedTo(UUID participationId) {
        return audience == EventAudience.ONE && recipient.equals(participationId);
    }

    /** The participant a {@code participant.*} event is about (their arrival, admission, removal...); else null. */
    public UUID about() {
        if (!aboutRead) {
            about = type.startsWith("participant.") ? participationIn(payload) : null;
            aboutRead = true;
        }
        return about;
    }

    private static UUID participationIn(String payload) {
        try (jakarta.json.JsonReader reader = Jsons.createReader(new java.io.StringReader(payload))) {
            String id = reader.readObject().getString("participationId", null);
            return id == null ? null : UUID.fromString(id);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    public UUID meetingId() {
        return meetingId;
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    /** The event's data as a JSON object text. */
    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
