package io.convene.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's data asked for (an export, made in the background, downloadable for a day; its file
 * deleted after that day, or at once when the person's data is erased) or erased (done at once,
 * with the certificate of what was erased).
 */
@Entity
@Table(name = "privacy_requests")
public class PrivacyRequest {

    public enum Kind { EXPORT, ERASURE }

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    static final Duration DOWNLOADABLE = Duration.ofHours(24);

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "subject_id", nullable = false)
    private UUID subjectId;

    @Column(name = "requested_by", nullable = false)
    private UUID requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    private int progress;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "blob_key")
    private String blobKey;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private String certificate;

    private String error;

    protected PrivacyRequest() {
    }

    PrivacyRequest(Kind kind, UUID subjectId, UUID requestedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.subjectId = subjectId;
        this.requestedBy = requestedBy;
        this.state = State.QUEUED;
        this.requestedAt = now;
    }

    void running(int progress) {
        this.state = State.RUNNING;
        this.progress = progress;
    }

    void exported(String blobKey, long size, Instant now) {
        this.state = State.DONE;
        this.progress = 100;
        this.blobKey = blobKey;
        this.sizeBytes = size;
        this.finishedAt = now;
        this.expiresAt = now.plus(DOWNLOADABLE);
    }

    void erased(String certificate, Instant now) {
        this.state = State.DONE;
        this.progress = 100;
        this.certificate = certificate;
        this.finishedAt = now;
    }

    void failed(String reason, Instant now) {
        this.state = State.FAILED;
        this.error = reason;
        this.finishedAt = now;
    }

    /**
     * The export's file goes (its day is over, or its person's data was erased): answers the file's
     * key, to be deleted from the blob store; the request stays, without a file, expired.
     */
    public String withdraw(Instant now) {
        String key = blobKey;
        blobKey = null;
        if (expiresAt == null || expiresAt.isAfter(now)) {
            expiresAt = now;
        }
        return key;
    }

    boolean downloadable(Instant now) {
        return state == State.DONE && blobKey != null && expiresAt != null && now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public State state() {
        return state;
    }

    public int progress() {
        return progress;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    String blobKey() {
        return blobKey;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String certificate() {
        return certificate;
    }

    public String error() {
        return error;
    }
}
