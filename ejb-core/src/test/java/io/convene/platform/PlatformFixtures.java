package io.convene.platform;

import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The platform's beans wired the way CDI wires them, for unit tests of the contexts that use them:
 * their injected fields set here, in their own package. Nothing of their behaviour is replaced.
 */
public final class PlatformFixtures {

    private PlatformFixtures() {
    }

    /** The application's keys kept in {@code store}, without {@code convene.secrets.key} (kept plain). */
    public static AppSecrets appSecrets(SecretStore store) {
        AppSecrets secrets = new AppSecrets();
        secrets.store = store;
        secrets.secretsKey = Optional.empty();
        secrets.init();
        return secrets;
    }

    /** The application's keys kept in memory (a fresh set each call). */
    public static AppSecrets appSecrets() {
        return appSecrets(new InMemorySecretStore());
    }

    /** The real sealing (AES-GCM) with its key from {@code secrets}. */
    public static Sealing sealing(AppSecrets secrets) {
        Sealing sealing = new Sealing();
        sealing.secrets = secrets;
        return sealing;
    }

    /** The real sealing with its key kept in memory (a fresh key each call). */
    public static Sealing sealing() {
        return sealing(appSecrets());
    }

    /** The counters of what happens, counting into {@code metrics} (see {@link CountingMetrics}). */
    public static ProductCounters productCounters(MetricRegistry metrics) {
        ProductCounters counters = new ProductCounters();
        counters.metrics = metrics;
        return counters;
    }
}
