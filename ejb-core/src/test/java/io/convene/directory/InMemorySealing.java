package io.convene.directory;

import io.convene.platform.AppSecrets;
import io.convene.platform.SecretStore;
import io.convene.platform.Sealing;
import java.util.HashMap;
import java.util.Map;

/** The real {@link Sealing} (AES-GCM) with its key kept in a map instead of the database. */
final class InMemorySealing {

    private InMemorySealing() {
    }

    static Sealing create() {
        Map<String, String> kept = new HashMap<>();
        AppSecrets secrets = new AppSecrets();
        Wiring.set(secrets, "store", new SecretStore() {
            @Override
            public String keepFirst(String name, String value) {
                return kept.computeIfAbsent(name, n -> value);
            }

            @Override
            public void replace(String name, String expected, String value) {
                kept.replace(name, expected, value);
            }
        });
        Sealing sealing = new Sealing();
        Wiring.set(sealing, "secrets", secrets);
        return sealing;
    }
}
