package io.convene.platform;

import java.util.HashMap;
import java.util.Map;

/** The application's own keys kept in a map, for unit tests: {@code persistence.SqlSecretStore}'s answers. */
public final class InMemorySecretStore implements SecretStore {

    private final Map<String, String> kept = new HashMap<>();

    @Override
    public String keepFirst(String name, String value) {
        return kept.computeIfAbsent(name, n -> value);
    }

    @Override
    public void replace(String name, String expected, String value) {
        kept.replace(name, expected, value);
    }
}
