package io.convene.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Random keys the application makes for itself (the guest-ticket signing key, the sealing key, ...),
 * created once in the database so that every node of a cluster and every restart use the same one.
 * With {@code convene.secrets.key} set (a secret kept outside the database: the launcher keeps one in
 * its secrets file) they are stored wrapped by it; keys stored plain by an earlier version are
 * wrapped in place when first used.
 */
@ApplicationScoped
public class AppSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "convene.secrets.key")
    Optional<String> secretsKey;

    private WrappedKeys wrapping;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        wrapping = secretsKey.filter(k -> !k.isBlank()).map(WrappedKeys::new).orElse(null);
    }

    /** The named 256-bit key; needs a transaction the first time. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("insert into app_secrets (name, value) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, wrapping == null ? Base64.getEncoder().encodeToString(fresh)
                        : wrapping.wrap(name, fresh)).executeUpdate();
        String stored = (String) em.createNativeQuery("select value from app_secrets where name = ?1")
                .setParameter(1, name).getSingleResult();
        if (WrappedKeys.isWrapped(stored)) {
            if (wrapping == null) {
                throw new IllegalStateException("The key " + name + " is stored wrapped: Convene needs convene.secrets.key");
            }
            return wrapping.unwrap(name, stored);
        }
        byte[] key = Base64.getDecoder().decode(stored);
        if (wrapping != null) { // kept plain by an earlier version: wrapped from now on
            em.createNativeQuery("update app_secrets set value = ?1 where name = ?2 and value = ?3")
                    .setParameter(1, wrapping.wrap(name, key)).setParameter(2, name).setParameter(3, stored).executeUpdate();
        }
        return key;
    }
}
