package io.convene.sso;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Keeps the realm's signing keys for checking bearer tokens ({@link RealmKeysConfigSource}): fetched
 * from Keycloak at start and every minute after, each fetch bounded (3 s to connect, 5 s in all).
 * A fetch that fails keeps the keys there are — tokens signed by them stay good while Keycloak is
 * away — and is said once in the log, as is the return; without any keys yet it tries every 5 s.
 * (A non-persistent schedule, no programmatic timer: those need the persistent timer store, which
 * a Payara Micro outside a cluster does not have.)
 */
@Singleton
@Startup
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    KeycloakSettings keycloak;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private boolean failing;

    private long fetchedAt;

    /** Set once this bean has started: the application is deployed past the point where Payara first reads the keys. */
    private static volatile boolean started;

    @PostConstruct
    void firstFetch() {
        started = true;
        refresh();
    }

    /** Every minute; every 5 s while there are no keys yet. */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!RealmKeysConfigSource.loaded() || System.nanoTime() - fetchedAt > 60_000_000_000L) {
            refresh();
        }
    }

    /** Fetches the keys; answers whether it got them. */
    boolean refresh() {
        String certs = keycloak.certsEndpoint();
        String problem = fetch(certs);
        fetchedAt = System.nanoTime(); // tried: the next try in a minute (sooner while there are none)
        if (problem != null) {
            return failed(problem);
        }
        if (failing) {
            failing = false;
            LOG.info(() -> "Keycloak's realm keys fetched again from " + certs);
        }
        return true;
    }

    /** Keeps the keys the address lists; answers what went wrong, or null. */
    private static String fetch(String certs) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(certs)).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return certs + " answered " + r.statusCode();
            }
            JsonObject jwks;
            try (JsonReader reader = Jsons.createReader(new StringReader(r.body()))) {
                jwks = reader.readObject();
            }
            if (!jwks.containsKey("keys") || jwks.getJsonArray("keys").isEmpty()) {
                return certs + " listed no keys";
            }
            RealmKeysConfigSource.use(jwks.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return certs + " unreachable: " + e;
        }
    }

    private static volatile long lastEarlyTry;

    /** Until when the deployment waits for Keycloak's keys, all reads together (0: not waiting yet). */
    private static long deploymentDeadline;

    /**
     * How long the deployment waits for Keycloak's keys when Keycloak is not up yet (it may be
     * starting beside Convene): {@code convene.keycloak.start-wait-seconds}, two minutes unless set.
     */
    static Duration deploymentPatience() {
        String seconds = setting("convene.keycloak.start-wait-seconds", "120");
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(seconds.trim())));
        } catch (NumberFormatException e) {
            LOG.warning("convene.keycloak.start-wait-seconds is not a number of seconds (" + seconds + "): waiting 120 s");
            return Duration.ofMinutes(2);
        }
    }

    /**
     * Payara reads the keys' setting while deploying, before this bean starts, and keeps what it read
     * for a minute (its config cache), then half a minute more (its key cache): keys read as "none"
     * then would refuse every token for that long after Convene is ready. So while deploying it waits
     * for Keycloak (which the launcher starts beside Convene), asking every half second, for two
     * minutes in all; after that, or once this bean has started, it tries at most every 5 s. The
     * keys come from the address the settings give (system property or environment).
     */
    static synchronized void fetchEarly() {
        long now = System.nanoTime();
        if (RealmKeysConfigSource.loaded() || (lastEarlyTry != 0 && now - lastEarlyTry < 5_000_000_000L)) {
            return;
        }
        String certs = KeycloakSettings.certsEndpoint(setting("convene.keycloak.url", "http://127.0.0.1:8180"),
                setting("convene.keycloak.realm", "convene"));
        String problem = fetch(certs);
        if (problem != null && !started) {
            LOG.info("Waiting for Keycloak's realm keys before the deployment goes on (" + problem + ")");
            if (deploymentDeadline == 0) {
                deploymentDeadline = now + deploymentPatience().toNanos();
            }
            while (problem != null && System.nanoTime() < deploymentDeadline && sleptHalfASecond()) {
                problem = fetch(certs);
            }
            if (problem == null) {
                LOG.info("Keycloak's realm keys fetched from " + certs);
            }
        }
        lastEarlyTry = System.nanoTime() | 1; // never 0
        if (problem != null) {
            LOG.info("Keycloak's realm keys not fetched yet (" + problem + ")");
        }
    }

    private static boolean sleptHalfASecond() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private boolean failed(String why) {
        if (!failing) {
            failing = true;
            LOG.warning(() -> "Cannot fetch Keycloak's realm keys (" + why + "); "
                    + (RealmKeysConfigSource.loaded() ? "tokens are checked with the last keys fetched" : "no token can be checked yet")
                    + ", trying again");
        }
        return false;
    }
}
