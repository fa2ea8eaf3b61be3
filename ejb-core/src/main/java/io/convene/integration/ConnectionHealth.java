package io.convene.integration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;

/** Records how a connection last went, in a transaction of its own (a failure is kept though the delivery rolls back). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConnectionHealth {

    @Inject
    ConnectionRepository connections;

    @Inject
    Clock clock;

    public void succeeded(UUID connectionId) {
        connections.byId(connectionId).ifPresent(c -> c.succeeded(clock.instant()));
    }

    public void failed(UUID connectionId, String error) {
        connections.byId(connectionId).ifPresent(c -> c.failed(error, clock.instant()));
    }
}
