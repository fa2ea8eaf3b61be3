package io.convene.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * What the suite starts and where: ports (127.0.0.1), folders, external servers instead of the
 * embedded ones, and the secrets it makes for itself. Every value can be set as a system property or
 * an environment variable (CONVENE_HTTP_PORT for convene.http.port).
 */
public record SuiteSettings(
        Path stateDir,
        int httpPort,
        int keycloakPort,
        int postgresPort,
        int brokerPort,
        String externalDbUrl,
        String externalDbUser,
        String externalDbPassword,
        String externalKeycloakUrl,
        String externalBrokerHost,
        String brokerUser,
        String brokerPassword,
        boolean keycloakInMemory,
        boolean registrationEnabled,
        Path keycloakHome,
        Path runtimeDir,
        String backendClientSecret,
        String demoPassword,
        String keycloakAdminPassword,
        DatabaseSecrets databaseSecrets,
        String mailHost,
        int mailPort,
        String secretsKey) {

    public static final String DEMO_PASSWORD = "Convene-demo-2026";

    /** Where it runs, never the secrets it holds. */
    @Override
    public String toString() {
        return "SuiteSettings[" + stateDir + ", http " + httpPort + ", keycloak " + keycloakPort + ", postgres " + postgresPort
                + ", broker " + brokerPort + "]";
    }

    /** The settings of the README's run command: fixed ports, state kept in {@code stateDir}. */
    public static SuiteSettings forRun(Path stateDir, Path runtimeDir) {
        Properties secrets = secrets(stateDir);
        return new SuiteSettings(stateDir,
                intSetting("convene.http.port", 8080), intSetting("convene.keycloak.port", 8180),
                intSetting("convene.postgres.port", 15432), intSetting("convene.broker.port", 61616),
                setting("convene.db.url", null), setting("convene.db.user", "convene"),
                setting("convene.db.password", null), setting("convene.keycloak.url", null),
                setting("convene.broker.host", null), setting("convene.broker.user", "convene"),
                setting("convene.broker.password", secrets.getProperty("broker-password")),
                false, Boolean.parseBoolean(setting("convene.registration.enabled", "true")),
                defaultKeycloakHome(), runtimeDir,
                setting("convene.keycloak.backend-client-secret", secrets.getProperty("backend-client-secret")),
                setting("convene.demo.password", DEMO_PASSWORD), secrets.getProperty("keycloak-admin-password"),
                new DatabaseSecrets(secrets.getProperty("postgres-password"), secrets.getProperty("db-owner-password"),
                        secrets.getProperty("db-password"), secrets.getProperty("keycloak-db-password")),
                setting("convene.mail.host", null), intSetting("convene.mail.port", 25), secrets.getProperty("secrets-key"));
    }

    /** Settings for a test run: free ports, a throw-away state folder, Keycloak in memory. */
    public static SuiteSettings forTests(Path stateDir, Path runtimeDir) {
        return new SuiteSettings(stateDir, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), null, null, null, null,
                null, "convene", randomSecret(), true, true,
                defaultKeycloakHome(), runtimeDir, randomSecret(), "Test-" + randomSecret(), randomSecret(),
                DatabaseSecrets.random(), null, 0, randomSecret());
    }

    /** The same, sending mail through this SMTP server. */
    public SuiteSettings withMail(String host, int port) {
        return new SuiteSettings(stateDir, httpPort, keycloakPort, postgresPort, brokerPort, externalDbUrl,
                externalDbUser, externalDbPassword, externalKeycloakUrl, externalBrokerHost, brokerUser, brokerPassword,
                keycloakInMemory, registrationEnabled, keycloakHome, runtimeDir, backendClientSecret, demoPassword,
                keycloakAdminPassword, databaseSecrets, host, port, secretsKey);
    }

    /** Where the suite's own HTTP port answers on this machine (readiness checks, the nodes behind HAProxy). */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * The address people use: {@code convene.public-url} when the operator set one, else HTTPS on
     * the host name ({@code convene.host}) when one is given, else the local HTTP address. Join
     * links, Keycloak's redirect addresses and issuer, and the banner say this one.
     */
    public String publicUrl() {
        String url = setting("convene.public-url", host() == null ? httpUrl()
                : "https://" + host() + (httpsPort() == 443 ? "" : ":" + httpsPort()));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The real host name Convene is served on over HTTPS (the front door), or null: 127.0.0.1 over HTTP only. */
    public String host() {
        return setting("convene.host", null);
    }

    /** The front door's HTTPS port. */
    public int httpsPort() {
        return intSetting("convene.https.port", 443);
    }

    /** The front door's plain HTTP port, which sends everyone to HTTPS. */
    public int redirectPort() {
        return intSetting("convene.http.redirect-port", 80);
    }

    /** Where the front door listens: every address when a host name is given, else loopback only. */
    public String bindAddress() {
        return setting("convene.bind-address", host() == null ? "127.0.0.1" : "0.0.0.0");
    }

    /** Where the broker listens: the embedded one on 127.0.0.1, or the configured host. */
    public String brokerHost() {
        return externalBrokerHost != null ? externalBrokerHost : "127.0.0.1";
    }

    public String keycloakUrl() {
        return externalKeycloakUrl != null ? externalKeycloakUrl : "http://127.0.0.1:" + keycloakPort;
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** @throws IllegalArgumentException naming the setting, when it is not a whole number */
    static int intSetting(String name, int fallback) {
        String value = setting(name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
        }
    }

    private static Path defaultKeycloakHome() {
        String configured = setting("convene.keycloak.home", null);
        if (configured != null) {
            return Path.of(configured);
        }
        Properties build = new Properties();
        try (InputStream in = SuiteSettings.class.getResourceAsStream("/convene-launcher.properties")) {
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Path.of(build.getProperty("keycloak.home"));
    }

    /**
     * Secrets made on the first run and kept in the state folder (readable by its owner only), one
     * per use: Keycloak's client secret, its admin's password, the broker's, the embedded
     * PostgreSQL's superuser, schema owner, application and Keycloak passwords, and the key that
     * wraps Convene's own keys in the database (so a database dump alone opens nothing sealed).
     */
    private static Properties secrets(Path stateDir) {
        Path file = stateDir.resolve("secrets.properties");
        Properties secrets = new Properties();
        try {
            Files.createDirectories(stateDir);
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    secrets.load(in);
                }
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            boolean added = false;
            for (String name : new String[] {"backend-client-secret", "keycloak-admin-password", "broker-password",
                    "postgres-password", "db-owner-password", "db-password", "keycloak-db-password", "secrets-key"}) {
                if (secrets.getProperty(name) == null) {
                    secrets.setProperty(name, randomSecret());
                    added = true;
                }
            }
            if (added) { // a state folder from an older version gets the secrets it lacks
                try (Writer out = Files.newBufferedWriter(file)) {
                    secrets.store(out, "Made by the Convene launcher on its first run; keep private");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
