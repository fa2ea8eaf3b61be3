package io.convene.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random keys the application makes for itself (e.g. the guest-ticket signing key), created once in
 * the database so that every node of a cluster and every restart use the same one.
 */
@ApplicationScoped
public class AppSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The named 256-bit key; needs a transaction the first time. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("insert into app_secrets (name, value) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, Base64.getEncoder().encodeToString(fresh)).executeUpdate();
        String stored = (String) em.createNativeQuery("select value from app_secrets where name = ?1")
                .setParameter(1, name).getSingleResult();
        return Base64.getDecoder().decode(stored);
    }
}
