package io.convene.integration;

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
 * One attempt to connect a calendar through its provider's consent screen: the OAuth {@code state}
 * it was sent with, whose it is, the PKCE verifier (sealed) and a hash of the nonce in the browser's
 * cookie, so the provider's answer is taken only in the browser that asked, for the person who asked.
 */
@Entity
@Table(name = "calendar_authorizations")
public class CalendarAuthorization {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    private String state;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Provider provider;

    @Column(name = "verifier_sealed", nullable = false)
    private String verifierSealed;

    @Column(name = "browser_hash", nullable = false)
    private String browserHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarAuthorization() {
    }

    CalendarAuthorization(String state, UUID userId, Provider provider, String verifierSealed, String browserHash,
                          Instant now) {
        this.state = state;
        this.userId = userId;
        this.provider = provider;
        this.verifierSealed = verifierSealed;
        this.browserHash = browserHash;
        this.createdAt = now;
    }

    UUID userId() {
        return userId;
    }

    Provider provider() {
        return provider;
    }

    String verifierSealed() {
        return verifierSealed;
    }

    String browserHash() {
        return browserHash;
    }

    boolean expired(Instant now) {
        return createdAt.plus(LIFETIME).isBefore(now);
    }
}
