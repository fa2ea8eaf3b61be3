package io.convene.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One recording of a meeting: running while a host records, then processed on the media server's
 * side into one file, then ready in the blob store with what describes it (format, size, duration,
 * SHA-256), or failed with the reason.
 */
@Entity
@Table(name = "recordings")
public class Recording {

    public enum Status { RECORDING, PROCESSING, READY, FAILED }

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "started_by", nullable = false)
    private UUID startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private boolean shared;

    @Column(name = "blob_key")
    private String blobKey;

    private String format;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "duration_ms")
    private Long durationMs;

    private String sha256;

    private String failure;

    /** The node that runs it (its lease): when that node is lost, another stops and finishes it. */
    private UUID recorder;

    protected Recording() {
    }

    Recording(UUID meetingId, UUID startedBy, Instant at, UUID recorder) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.startedBy = startedBy;
        this.startedAt = at;
        this.status = Status.RECORDING;
        this.recorder = recorder;
    }

    /** The media server records from this moment on (asking it may take a while): what the recording's length counts from. */
    void began(Instant at) {
        this.startedAt = at;
    }

    void stop(Instant at) {
        if (status == Status.RECORDING) {
            stoppedAt = at;
            status = Status.PROCESSING;
        }
    }

    void ready(String blobKey, String format, long sizeBytes, Duration duration, String sha256) {
        this.blobKey = blobKey;
        this.format = format;
        this.sizeBytes = sizeBytes;
        this.durationMs = duration.toMillis();
        this.sha256 = sha256;
        this.status = Status.READY;
    }

    void failed(String reason) {
        this.failure = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.status = Status.FAILED;
    }

    void share(boolean shared) {
        this.shared = shared;
    }

    public UUID id() {
        return id;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public UUID startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public Status status() {
        return status;
    }

    public boolean shared() {
        return shared;
    }

    String blobKey() {
        return blobKey;
    }

    public RecordingView view() {
        return new RecordingView(id, meetingId, status, startedAt, stoppedAt, shared, format, sizeBytes, durationMs,
                sha256, failure);
    }
}
