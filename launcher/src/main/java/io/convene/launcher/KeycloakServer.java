package io.convene.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak (the Quarkus distribution from Maven Central) in dev mode on 127.0.0.1, with the
 * Convene realm imported on first start. Its issuer is pinned with --hostname.
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    /**
     * @param database JDBC URL, user and password of a PostgreSQL database, or null for an in-memory
     *                 store (tests: realm import never updates an existing realm)
     */
    static ManagedProcess start(SuiteSettings settings, String[] database) {
        Path home = settings.keycloakHome();
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("No Keycloak at " + home + "; build first (mvn install) to unpack it");
        }
        installRealm(home);
        int port = settings.keycloakPort();
        List<String> command = new ArrayList<>(List.of(script.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--import-realm", "--cache=local"));
        if (settings.host() != null) { // browsers come through the front door; Convene and the launcher stay on 127.0.0.1
            command.set(command.indexOf("--hostname=http://127.0.0.1:" + port), "--hostname=" + settings.publicUrl());
            command.addAll(List.of("--hostname-backchannel-dynamic=true", "--hostname-admin=http://127.0.0.1:" + port,
                    "--proxy-headers=xforwarded"));
        }
        // secrets go in the environment, not on the command line where `ps` shows them
        Map<String, String> env = new HashMap<>(Map.of(
                "CONVENE_BACKEND_SECRET", settings.backendClientSecret(),
                "CONVENE_DEMO_PASSWORD", settings.demoPassword(),
                "CONVENE_PUBLIC_URL", settings.publicUrl(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.keycloakAdminPassword(),
                "JAVA_OPTS_APPEND", "-Xmx512m"));
        if (database == null) {
            command.add("--db=dev-mem");
        } else {
            command.add("--db=postgres");
            env.putAll(Map.of("KC_DB_URL", database[0], "KC_DB_USERNAME", database[1], "KC_DB_PASSWORD", database[2]));
        }
        ManagedProcess keycloak = ManagedProcess.start("Keycloak", command, env, home,
                settings.stateDir().resolve("logs/keycloak.log"));
        keycloak.awaitHttpOk(settings.keycloakUrl() + "/realms/convene/.well-known/openid-configuration",
                Duration.ofMinutes(3));
        try {
            KeycloakAddresses.follow(settings);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    private static void installRealm(Path home) {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/convene-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("convene-realm.json missing from the classpath (module sso)");
            }
            Path target = home.resolve("data/import/convene-realm.json");
            Files.createDirectories(target.getParent());
            Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
