package io.convene.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak (the Quarkus distribution from Maven Central) on 127.0.0.1, with the Convene realm
 * imported on first start: in dev mode for the plain run, in production mode ({@code start}: HTTP
 * behind the front door, which ends TLS, and its forwarded headers) on a host name. Its issuer is
 * pinned with --hostname. Each way of starting it has an install of its own ({@link KeycloakInstalls}).
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    /**
     * Starts Keycloak without waiting for it, so that Convene can start beside it; then {@link #awaitReady}.
     *
     * @param database JDBC URL, user and password of a PostgreSQL database, or null for an in-memory
     *                 store (tests: realm import never updates an existing realm)
     */
    static ManagedProcess launch(SuiteSettings settings, String[] database) {
        Path unpacked = settings.keycloakHome();
        if (!Files.isExecutable(unpacked.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + unpacked + "; build first (mvn install) to unpack it");
        }
        boolean production = settings.host() != null;
        Path home = KeycloakInstalls.forStart(unpacked, SuiteSettings.setting("convene.keycloak.home", null) != null,
                production, database == null);
        Path script = home.resolve("bin/kc.sh");
        installRealm(home);
        int port = settings.keycloakPort();
        List<String> command = new ArrayList<>(List.of(script.toString(), production ? "start" : "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--import-realm", "--cache=local"));
        command.addAll(LogFormat.chosen().keycloakOptions());
        if (production) { // browsers come through the front door, which ends TLS; Convene and the launcher stay on 127.0.0.1
            command.set(command.indexOf("--hostname=http://127.0.0.1:" + port), "--hostname=" + settings.publicUrl());
            command.addAll(List.of("--http-enabled=true", "--hostname-backchannel-dynamic=true",
                    "--hostname-admin=http://127.0.0.1:" + port, "--proxy-headers=xforwarded"));
        }
        // secrets go in the environment, not on the command line where `ps` shows them
        Map<String, String> env = new HashMap<>(Map.of(
                "CONVENE_BACKEND_SECRET", settings.backendClientSecret(),
                "CONVENE_DEMO_PASSWORD", settings.demoPassword(),
                "CONVENE_PUBLIC_URL", settings.publicUrl(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.keycloakAdminPassword()));  // kc.sh's own heap outside a container: -Xmx512m
        ClassArchive.Start classes = ClassArchive.Start.NONE;
        if (System.getenv("JAVA_OPTS_APPEND") == null) { // an operator's own is what runs
            // an install of the build's is shared by every start of its way; an operator's own is not ours to write in
            classes = ClassArchive.prepare(home.equals(unpacked) ? settings.stateDir().resolve("class-archives")
                    : home.resolve("class-archives"), "keycloak", classPath(home));
            env.put("JAVA_OPTS_APPEND", String.join(" ", SuiteSettings.setting("convene.keycloak.java-options", QUICK_START),
                    String.join(" ", classes.options())).strip());
        }
        if (database == null) {
            command.add("--db=dev-mem");
        } else {
            command.add("--db=postgres");
            env.putAll(Map.of("KC_DB_URL", database[0], "KC_DB_USERNAME", database[1], "KC_DB_PASSWORD", database[2]));
        }
        ManagedProcess keycloak = ManagedProcess.start("Keycloak", command, env, home, settings.stateDir().resolve("logs/keycloak.log"));
        classes.adoptAfter(keycloak);
        return keycloak;
    }

    /** Keycloak's class path as its script writes it (the JVM checks an archive against that text). */
    private static Path classPath(Path home) {
        try {
            return Path.of(home.resolve("bin").toRealPath() + "/../lib/quarkus-run.jar");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + home, e);
        }
    }

    /**
     * Keycloak's JVM compiles with C1 only: it starts beside Payara on the same cores, and its C2
     * compiler took CPU from Payara's deployment all through the start (about 10 s of a later start
     * here, docs/benchmarks.md); what Keycloak serves (sign-ins, token refreshes, the realm's keys) is
     * little enough work that C1's code carries it.
     */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    /** Waits until the realm answers and gives it the addresses it sends people back to. */
    static void awaitReady(ManagedProcess keycloak, SuiteSettings settings) {
        keycloak.awaitHttpOk(settings.keycloakUrl() + "/realms/convene/.well-known/openid-configuration",
                Duration.ofMinutes(3));
        KeycloakAddresses.follow(settings, new KeycloakAdminApi(settings));
    }

    private static void installRealm(Path home) {
        try {
            Path target = home.resolve("data/import/convene-realm.json");
            Files.createDirectories(target.getParent());
            Files.writeString(target, realm());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm Convene is imported with (module sso): its clients, roles and demo accounts. */
    static String realm() {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/convene-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("convene-realm.json missing from the classpath (module sso)");
            }
            return new String(realm.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
