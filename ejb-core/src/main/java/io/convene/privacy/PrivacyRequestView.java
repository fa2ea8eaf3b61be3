package io.convene.privacy;

import io.convene.shared.Jsons;
import java.time.Instant;
import java.util.UUID;

/** A privacy request as the API shows it; {@code certificate} is the erasure's, as JSON. */
public record PrivacyRequestView(UUID id, PrivacyRequest.Kind kind, UUID subjectId, UUID requestedBy,
                                 PrivacyRequest.State state, int progress, Instant requestedAt, Instant finishedAt,
                                 Long sizeBytes, Instant expiresAt, jakarta.json.JsonObject certificate, String error) {

    static PrivacyRequestView of(PrivacyRequest r) {
        return new PrivacyRequestView(r.id(), r.kind(), r.subjectId(), r.requestedBy(), r.state(), r.progress(),
                r.requestedAt(), r.finishedAt(), r.sizeBytes(), r.expiresAt(),
                r.certificate() == null ? null : Jsons.createReader(new java.io.StringReader(r.certificate())).readObject(),
                r.error());
    }
}
