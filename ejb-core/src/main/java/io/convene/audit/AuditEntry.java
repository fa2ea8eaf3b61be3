package io.convene.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what to whom in which meeting, and when. Written once, never changed. */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "actor_user_id", nullable = false)
    private UUID actorUserId;

    @Column(nullable = false)
    private String action;

    @Column(name = "target_participation_id")
    private UUID targetParticipationId;

    private String detail;

    @Column(nullable = false)
    private Instant at;

    protected AuditEntry() {
    }

    public AuditEntry(UUID meetingId, UUID actorUserId, String action, UUID targetParticipationId, String detail,
                      Instant at) {
        this.meetingId = meetingId;
        this.actorUserId = actorUserId;
        this.action = action;
        this.targetParticipationId = targetParticipationId;
        this.detail = detail;
        this.at = at;
    }
}
