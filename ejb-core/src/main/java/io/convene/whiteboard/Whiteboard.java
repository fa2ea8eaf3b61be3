package io.convene.whiteboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A whiteboard of a meeting's main room or of one breakout room: its operations are numbered under
 * this row's lock, one total order for all.
 */
@Entity
@Table(name = "whiteboards")
public class Whiteboard {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    /** The breakout room this board belongs to; null: the main room. */
    @Column(name = "room_id")
    private UUID roomId;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Whiteboard() {
    }

    Whiteboard(UUID meetingId, UUID roomId, Instant now) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.roomId = roomId;
        this.createdAt = now;
    }

    long nextSeq() {
        return ++lastSeq;
    }

    void lock(boolean locked) {
        this.locked = locked;
    }

    public UUID id() {
        return id;
    }

    public UUID roomId() {
        return roomId;
    }

    public boolean isLocked() {
        return locked;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
