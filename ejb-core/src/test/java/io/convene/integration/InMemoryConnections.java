package io.convene.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The connections to outside services kept in a list, for unit tests: the same answers as
 * {@code persistence.JpaConnectionRepository} (nothing is locked unless the test says a connection is busy).
 */
final class InMemoryConnections implements ConnectionRepository {

    private final List<ServiceConnection> connections = new ArrayList<>();
    private final Set<UUID> delivered = new HashSet<>();
    private final Set<UUID> busy = new HashSet<>();
    private final Function<UUID, String> emailOf;

    /** @param emailOf the address of a user, for the overview */
    InMemoryConnections(Function<UUID, String> emailOf) {
        this.emailOf = emailOf;
    }

    /** Another node holds this connection's row now. */
    void busy(UUID id) {
        busy.add(id);
    }

    @Override
    public void add(ServiceConnection connection) {
        connections.add(connection);
    }

    @Override
    public void remove(ServiceConnection connection) {
        connections.remove(connection);
    }

    @Override
    public Optional<ServiceConnection> byId(UUID id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public List<ServiceConnection> all() {
        return List.copyOf(connections);
    }

    @Override
    public Optional<ServiceConnection> byIdUnlessBusy(UUID id) {
        return busy.contains(id) ? Optional.empty() : byId(id);
    }

    @Override
    public Optional<ServiceConnection> of(Provider provider, UUID owner) {
        return connections.stream().filter(c -> c.provider() == provider && java.util.Objects.equals(c.userId(), owner))
                .findFirst();
    }

    @Override
    public List<ServiceConnection> organisationWide(Collection<Provider> providers) {
        return connections.stream().filter(c -> providers.contains(c.provider()) && c.userId() == null).toList();
    }

    @Override
    public List<ServiceConnection> ofUser(UUID userId, Collection<Provider> providers) {
        return connections.stream().filter(c -> providers.contains(c.provider()) && userId.equals(c.userId())).toList();
    }

    @Override
    public boolean hasAny(UUID userId, Collection<Provider> providers) {
        return !ofUser(userId, providers).isEmpty();
    }

    @Override
    public Optional<UUID> organisationConnectionId(Provider provider) {
        return of(provider, null).map(ServiceConnection::id);
    }

    @Override
    public List<ServiceConnection> visibleTo(UUID userId, boolean organisationsToo) {
        return connections.stream().filter(c -> userId.equals(c.userId()) || organisationsToo && c.userId() == null)
                .sorted(Comparator.comparing(ServiceConnection::provider)).toList();
    }

    @Override
    public List<UUID> idsOf(Collection<Provider> providers) {
        return connections.stream().filter(c -> providers.contains(c.provider())).map(ServiceConnection::id).toList();
    }

    @Override
    public List<Owned> overview(int limit) {
        return connections.stream()
                .map(c -> new Owned(c, c.userId() == null ? null : emailOf.apply(c.userId())))
                .sorted(Comparator.comparing((Owned o) -> o.connection().userId() == null ? 0 : 1)
                        .thenComparing(o -> o.connection().failing() ? 0 : 1)
                        .thenComparing(o -> o.connection().provider())
                        .thenComparing(Owned::ownerEmail, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit).toList();
    }

    @Override
    public Map<Provider, Long> countByProvider() {
        Map<Provider, Long> counts = new EnumMap<>(Provider.class);
        connections.forEach(c -> counts.merge(c.provider(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void delivered(UUID deliveryId, UUID connectionId) {
        if (!delivered.add(deliveryId)) {
            throw new IllegalStateException("delivery " + deliveryId + " recorded twice (a primary key violation)");
        }
    }

    @Override
    public boolean wasDelivered(UUID deliveryId) {
        return delivered.contains(deliveryId);
    }
}
