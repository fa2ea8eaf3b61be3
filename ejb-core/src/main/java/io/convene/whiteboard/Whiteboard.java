package io.convene.whiteboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A meeting's whiteboard: its operations are numbered under this row's lock, one total order for all. */
@Entity
@Table(name = "whiteboards")
public class Whiteboard {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false, unique = true)
    private UUID meetingId;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Whiteboard() {
    }

    Whiteboard(UUID meetingId, Instant now) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
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

    public boolean isLocked() {
        return locked;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
