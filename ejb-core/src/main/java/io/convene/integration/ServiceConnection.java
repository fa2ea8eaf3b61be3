package io.convene.integration;

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

/** A connection to an outside service: its settings, its sealed secret, and how it last went. */
@Entity
@Table(name = "integration_connections")
// only the columns a transaction changed are written: a delivery that records its success must not
// write back the calendar sync token it read before a sync stored a newer one (a lost update)
@org.hibernate.annotations.DynamicUpdate
public class ServiceConnection {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Provider provider;

    /** The user whose calendar it is; null for the organisation's connection. */
    @Column(name = "user_id")
    private UUID userId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String settings;

    @Column(name = "secret_sealed")
    private String secretSealed;

    /** Slack's signing secret (verifies its slash-command requests); sealed. */
    @Column(name = "signing_secret_sealed")
    private String signingSecretSealed;

    @Column(name = "connected_at", nullable = false)
    private Instant connectedAt;

    @Column(name = "sync_token")
    private String syncToken;

    @Column(name = "synced_at")
    private Instant syncedAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    protected ServiceConnection() {
    }

    ServiceConnection(Provider provider, UUID userId, String settings, String secretSealed, Instant now) {
        this.id = UUID.randomUUID();
        this.provider = provider;
        this.userId = userId;
        reconnect(settings, secretSealed, now);
    }

    void reconnect(String settings, String secretSealed, Instant now) {
        this.settings = settings;
        this.secretSealed = secretSealed;
        this.connectedAt = now;
        this.lastError = null;
        this.lastErrorAt = null;
    }

    String syncToken() {
        return syncToken;
    }

    void synced(String token, Instant now) {
        syncToken = token;
        syncedAt = now;
    }

    public Instant syncedAt() {
        return syncedAt;
    }

    void succeeded(Instant now) {
        lastSuccessAt = now;
    }

    void failed(String error, Instant now) {
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        lastErrorAt = now;
    }

    public UUID id() {
        return id;
    }

    public Provider provider() {
        return provider;
    }

    public UUID userId() {
        return userId;
    }

    public String settings() {
        return settings;
    }

    String secretSealed() {
        return secretSealed;
    }

    /** The connection as the gateway gets it, its secret opened for this one call (it is kept sealed). */
    Announcement.Target target(io.convene.platform.Sealing sealing) {
        return new Announcement.Target(id, provider, settings, secretSealed == null ? null : sealing.open(secretSealed));
    }

    String signingSecretSealed() {
        return signingSecretSealed;
    }

    void signWith(String sealed) {
        signingSecretSealed = sealed;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public String lastError() {
        return lastError;
    }

    /** Failing now: its latest attempt failed (no success since the last error). */
    public boolean failing() {
        return lastErrorAt != null && (lastSuccessAt == null || lastSuccessAt.isBefore(lastErrorAt));
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }
}
