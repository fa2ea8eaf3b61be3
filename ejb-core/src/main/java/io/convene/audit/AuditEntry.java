package io.convene.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Who did what to whom or what, when, from where, and how it went: host controls in a meeting, and
 * administrators' and compliance officers' actions. Written once; the database refuses changes.
 */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
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

    /** What an administrative action was about: "directory:<id>", "account:<subject>", "user:<id>". */
    private String target;

    @Column(name = "source_ip")
    private String sourceIp;

    @Column(nullable = false)
    private String outcome = "SUCCESS";

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

    /** An administrative action outside any meeting. */
    public static AuditEntry action(UUID actorUserId, AuditAction action, String target, String detail, Instant at) {
        AuditEntry e = new AuditEntry(null, actorUserId, action.code(), null, detail, at);
        e.target = target;
        return e;
    }

    AuditEntry from(String address) {
        this.sourceIp = address;
        return this;
    }
}
