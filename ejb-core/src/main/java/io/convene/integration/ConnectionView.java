package io.convene.integration;

import java.time.Instant;
import java.util.UUID;

/** A connection as its owner or an administrator sees it: never the secret. */
public record ConnectionView(UUID id, Provider provider, boolean organisation, String settings, boolean hasSecret,
                             boolean hasSigningSecret, Instant connectedAt, Instant lastSuccessAt, String lastError,
                             Instant lastErrorAt) {

    static ConnectionView of(ServiceConnection c) {
        return new ConnectionView(c.id(), c.provider(), c.userId() == null, c.settings(), c.secretSealed() != null,
                c.signingSecretSealed() != null, c.connectedAt(), c.lastSuccessAt(), c.lastError(), c.lastErrorAt());
    }
}
