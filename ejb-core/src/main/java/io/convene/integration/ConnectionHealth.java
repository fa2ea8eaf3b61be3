package io.convene.integration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/** Records how a connection last went, in a transaction of its own (a failure is kept though the delivery rolls back). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConnectionHealth {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Clock clock;

    public void succeeded(UUID connectionId) {
        ServiceConnection c = em.find(ServiceConnection.class, connectionId);
        if (c != null) {
            c.succeeded(clock.instant());
        }
    }

    public void failed(UUID connectionId, String error) {
        ServiceConnection c = em.find(ServiceConnection.class, connectionId);
        if (c != null) {
            c.failed(error, clock.instant());
        }
    }
}
