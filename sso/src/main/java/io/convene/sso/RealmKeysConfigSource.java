package io.convene.sso;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The realm's signing keys as bearer tokens are checked with ({@code mp.jwt.verify.publickey}, a
 * JWKS), served from memory: {@link RealmKeys} fetches them from Keycloak in the background and
 * keeps the last good ones. Payara's own fetch (a key location) has no timeout and forgets the keys
 * when a refresh fails, so a hung Keycloak would hang every signed-in call and a stopped one would
 * turn valid tokens into 401s; from memory, no call waits on Keycloak.
 */
public class RealmKeysConfigSource implements ConfigSource {

    static final String PROPERTY = "mp.jwt.verify.publickey";

    /** No key yet: every token is refused until the first fetch succeeds. */
    static final String NONE = "{\"keys\":[]}";

    private static final AtomicReference<String> JWKS = new AtomicReference<>(NONE);

    /** The keys to check tokens with from now on. */
    static void use(String jwks) {
        JWKS.set(jwks);
    }

    static boolean loaded() {
        return !NONE.equals(JWKS.get());
    }

    /** How long Payara may keep a value read from here: its config cache (60 s), then its key cache (30 s). */
    private static final long PAYARA_KEEPS_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(90);

    /** When Payara last read "no keys" from here (0: never). */
    private static volatile long noneReadAt;

    /**
     * Whether a token can be checked: there are keys, and Payara no longer holds the "no keys" it may
     * have read earlier (Keycloak came up after the deployment gave up waiting for it).
     */
    static boolean tokensCheckable() {
        long none = noneReadAt;
        return loaded() && (none == 0 || System.nanoTime() - none > PAYARA_KEEPS_NANOS);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, served());
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PROPERTY.equals(propertyName)) {
            return null;
        }
        if (!loaded()) { // read before RealmKeys started (Payara checks the settings while deploying)
            RealmKeys.fetchEarly();
        }
        return served();
    }

    /** The keys as Payara reads them now, noting when that is "none". */
    private static String served() {
        String jwks = JWKS.get();
        if (NONE.equals(jwks)) {
            noneReadAt = System.nanoTime() | 1; // never 0
        }
        return jwks;
    }

    @Override
    public String getName() {
        return "Keycloak realm keys (kept in memory)";
    }

    /** Above the application's defaults (100), below what an operator sets (environment 300, system properties 400). */
    @Override
    public int getOrdinal() {
        return 200;
    }
}
