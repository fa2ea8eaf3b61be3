package io.convene.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The privacy requests kept in a list, for unit tests: the same answers as {@code persistence.JpaPrivacyRequestRepository}. */
final class InMemoryPrivacyRequests implements PrivacyRequestRepository {

    private final List<PrivacyRequest> requests = new ArrayList<>();

    List<PrivacyRequest> all() {
        return List.copyOf(requests);
    }

    @Override
    public void add(PrivacyRequest request) {
        requests.add(request);
    }

    @Override
    public Optional<PrivacyRequest> byId(UUID id) {
        return requests.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<PrivacyRequest> recent(int max) {
        return newestFirst(requests.stream()).limit(max).toList();
    }

    @Override
    public List<PrivacyRequest> exportsOf(UUID subjectId, int max) {
        return newestFirst(exports().filter(r -> r.subjectId().equals(subjectId))).limit(max).toList();
    }

    @Override
    public List<PrivacyRequest> storedExportsOf(UUID subjectId) {
        return exports().filter(r -> r.subjectId().equals(subjectId) && r.blobKey() != null).toList();
    }

    @Override
    public boolean claim(UUID id) {
        Optional<PrivacyRequest> queued = byId(id).filter(r -> r.state() == PrivacyRequest.State.QUEUED);
        queued.ifPresent(r -> r.running(0)); // what the update statement sets
        return queued.isPresent();
    }

    @Override
    public List<PrivacyRequest> expiredExports(Instant now) {
        return exports().filter(r -> r.blobKey() != null && r.expiresAt() != null && r.expiresAt().isBefore(now)).toList();
    }

    @Override
    public List<UUID> queuedBefore(Instant before) {
        return requests.stream().filter(r -> r.state() == PrivacyRequest.State.QUEUED && r.requestedAt().isBefore(before))
                .map(PrivacyRequest::id).toList();
    }

    private Stream<PrivacyRequest> exports() {
        return requests.stream().filter(r -> r.kind() == PrivacyRequest.Kind.EXPORT);
    }

    private static Stream<PrivacyRequest> newestFirst(Stream<PrivacyRequest> requests) {
        return requests.sorted(Comparator.comparing(PrivacyRequest::requestedAt).reversed());
    }
}
