package io.convene.breakout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One breakout room of a meeting. */
@Entity
@Table(name = "breakout_rooms")
public class BreakoutRoom {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int position;

    protected BreakoutRoom() {
    }

    BreakoutRoom(UUID meetingId, String name, int position) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.name = name;
        this.position = position;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }
}
