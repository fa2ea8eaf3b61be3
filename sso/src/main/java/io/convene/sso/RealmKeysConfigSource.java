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

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, JWKS.get());
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
        return JWKS.get();
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
