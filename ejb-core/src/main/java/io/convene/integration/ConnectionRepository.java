package io.convene.integration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where the connections to outside services are kept ({@code persistence.JpaConnectionRepository}). */
public interface ConnectionRepository {

    /** A connection with the address of the person it belongs to (null: the organisation's). */
    record Owned(ServiceConnection connection, String ownerEmail) {
    }

    void add(ServiceConnection connection);

    void remove(ServiceConnection connection);

    Optional<ServiceConnection> byId(UUID id);

    /** Every connection. */
    List<ServiceConnection> all();

    /** The connection, its row locked until the transaction ends; empty when another holds it (or it is gone). */
    Optional<ServiceConnection> byIdUnlessBusy(UUID id);

    /** The provider's connection of this owner (null: the organisation's). */
    Optional<ServiceConnection> of(Provider provider, UUID owner);

    /** The organisation's connections to these providers. */
    List<ServiceConnection> organisationWide(Collection<Provider> providers);

    /** The user's connections to these providers. */
    List<ServiceConnection> ofUser(UUID userId, Collection<Provider> providers);

    /** Whether the user has a connection to any of these providers. */
    boolean hasAny(UUID userId, Collection<Provider> providers);

    /** The id of the organisation's connection to the provider. */
    Optional<UUID> organisationConnectionId(Provider provider);

    /** The user's connections, and the organisation's too if asked, by provider. */
    List<ServiceConnection> visibleTo(UUID userId, boolean organisationsToo);

    /** The ids of every connection to these providers. */
    List<UUID> idsOf(Collection<Provider> providers);

    /** Every connection, the organisation's first, then the failing ones, at most {@code limit}. */
    List<Owned> overview(int limit);

    /** How many connections each provider has. */
    Map<Provider, Long> countByProvider();

    /** Records that a delivery to a connection was made (a redelivered message is then not sent again). */
    void delivered(UUID deliveryId, UUID connectionId);

    boolean wasDelivered(UUID deliveryId);
}
