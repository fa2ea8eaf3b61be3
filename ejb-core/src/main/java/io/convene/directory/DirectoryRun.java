package io.convene.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One sync of a directory: queued, running (its counts grow page by page, so progress shows), then
 * succeeded or failed with the reason. Entries that failed on their own are listed apart.
 */
@Entity
@Table(name = "directory_runs")
public class DirectoryRun {

    public enum Mode { FULL, CHANGES }

    public enum Trigger { ADMIN, SCHEDULE }

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    private UUID id;

    @Column(name = "directory_id", nullable = false)
    private UUID directoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Trigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** When the run last showed progress; a run silent for long was cut off (its node went down). */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    private int seen;
    private int created;
    private int updated;
    private int disabled;
    private int failed;

    private String error;

    /** What Keycloak reported for its own import (added, updated, removed, failed), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String federation;

    protected DirectoryRun() {
    }

    DirectoryRun(UUID directoryId, Mode mode, Trigger trigger, Instant now) {
        this.id = UUID.randomUUID();
        this.directoryId = directoryId;
        this.mode = mode;
        this.trigger = trigger;
        this.state = State.QUEUED;
        this.queuedAt = now;
    }

    void count(PageOutcome page, Instant now) {
        heartbeatAt = now;
        seen += page.seen();
        created += page.created();
        updated += page.updated();
        disabled += page.disabled();
        failed += page.failed();
    }

    void succeed(String federationReport, Instant now) {
        state = State.SUCCEEDED;
        federation = federationReport;
        finishedAt = now;
    }

    void fail(String reason, Instant now) {
        state = State.FAILED;
        error = reason;
        finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID directoryId() {
        return directoryId;
    }

    public Mode mode() {
        return mode;
    }

    public Trigger trigger() {
        return trigger;
    }

    public State state() {
        return state;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int seen() {
        return seen;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int disabled() {
        return disabled;
    }

    public int failed() {
        return failed;
    }

    public String error() {
        return error;
    }

    public String federation() {
        return federation;
    }

    /** What one page of people did to Convene's users. */
    public record PageOutcome(int seen, int created, int updated, int disabled, int failed) {
    }
}
