package io.convene.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    SecretStore store;

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
        String stored = store.keepFirst(name, wrapping == null ? Base64.getEncoder().encodeToString(fresh)
                : wrapping.wrap(name, fresh));
        if (WrappedKeys.isWrapped(stored)) {
            if (wrapping == null) {
                throw new IllegalStateException("The key " + name + " is stored wrapped: Convene needs convene.secrets.key");
            }
            return wrapping.unwrap(name, stored);
        }
        byte[] key = Base64.getDecoder().decode(stored);
        if (wrapping != null) { // kept plain by an earlier version: wrapped from now on
            store.replace(name, stored, wrapping.wrap(name, key));
        }
        return key;
    }
}
