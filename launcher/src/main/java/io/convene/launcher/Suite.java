package io.convene.launcher;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The whole Convene suite: PostgreSQL (embedded unless a JDBC URL is configured), Keycloak (embedded
 * unless a URL is configured), the Artemis broker (embedded unless a host is configured), coturn
 * and Janus (each when installed and none is configured) and Payara Micro with Convene — one node, or
 * several in one data grid behind HAProxy. Closing it stops exactly what it started, in reverse order.
 */
public final class Suite implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Suite.class.getName());
    /** The embedded database's roles: the one that owns the schema and migrates it, and Convene's (rows only). */
    public static final String SCHEMA_OWNER = "convene_owner";
    public static final String APPLICATION_ROLE = "convene";

    private final SuiteSettings settings;
    private final int nodes;
    private final Deque<AutoCloseable> started = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    private final java.util.concurrent.CompletableFuture<String> loss = new java.util.concurrent.CompletableFuture<>();
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private String migrationUser;
    private String migrationPassword;
    private EmbeddedBroker broker;
    private TurnServer turn;
    private JanusServer janus;
    /** Further Janus servers the suite starts for webinars' audiences ({@code convene.media.janus-audience-servers}). */
    private final java.util.List<JanusServer> audienceJanus = new java.util.ArrayList<>();
    private Supervised convene;
    private EmbeddedDatabase database;
    private Supervised keycloak;
    /** What it started, written down for its watchdog. */
    private Children children;
    private long databasePid;
    private volatile boolean databaseStoppedOnPurpose;
    private TlsCertificate certificate;
    private FirstAdministrator.Made administrator;

    private Suite(SuiteSettings settings, int nodes) {
        this.settings = settings;
        this.nodes = nodes;
    }

    public static Suite start(SuiteSettings settings) {
        return start(settings, 1);
    }

    /**
     * With {@code nodes} above 1: that many Payara Micro nodes in one data grid on the ports after
     * the HTTP port, and HAProxy on the HTTP port in front of them.
     */
    public static Suite start(SuiteSettings settings, int nodes) {
        return of(settings, nodes).begin();
    }

    /** A suite not started yet: the run command registers its shutdown before {@link #begin()}. */
    public static Suite of(SuiteSettings settings, int nodes) {
        return new Suite(settings, nodes);
    }

    /**
     * Starts everything; if a part fails, stops what had started. Closing the suite while this runs
     * (Ctrl-C during start-up) stops what had started so far, and what would start next.
     */
    public Suite begin() {
        try {
            startAll();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * A part the suite cannot run without stopped (PostgreSQL, Keycloak): says so, stops everything
     * else, and lets {@link #awaitLoss()} answer why.
     */
    private void lost(String what) {
        if (closed || Supervised.launcherExiting()) {
            return;
        }
        LOG.severe(() -> "Stopping Convene: " + what);
        loss.complete(what);
        close();
    }

    /** For tests: ends the (single) Payara Micro at once with SIGKILL, as a crash would; the launcher starts it again. */
    public void crashConvene() {
        if (convene == null) {
            throw new IllegalStateException("Several nodes: crash one through its cluster");
        }
        convene.current().kill();
    }

    /** The embedded PostgreSQL on the list of what the launcher started (pg_ctl detached it: it is no child). */
    private void listDatabase() {
        children.remove(databasePid); // the one an outage stopped
        EmbeddedDatabase.server(settings.stateDir().resolve("postgres")).ifPresent(server -> {
            databasePid = server.pid();
            children.add(databasePid, "INT", "PostgreSQL");
        });
    }

    /** A PostgreSQL that stops (but for {@link #interruptDatabase()}) stops the suite. */
    private void watchDatabase() {
        Path dataDir = settings.stateDir().resolve("postgres");
        EmbeddedDatabase.server(dataDir).ifPresent(server -> server.onExit().thenRun(() -> {
            if (!databaseStoppedOnPurpose) {
                lost("PostgreSQL exited (its log: " + dataDir.resolve("log") + "); Convene keeps nothing without it");
            }
        }));
    }

    /**
     * For tests: the embedded PostgreSQL stopped as an outage would stop it (connections cut, new ones
     * refused) while everything else runs; closing the answer starts it again.
     */
    public AutoCloseable interruptDatabase() {
        return stopDatabase(false);
    }

    /** For tests: the embedded PostgreSQL crashes (SIGKILL of every process); closing the answer starts it again. */
    public AutoCloseable crashDatabase() {
        return stopDatabase(true);
    }

    private AutoCloseable stopDatabase(boolean crash) {
        if (database == null) {
            throw new IllegalStateException("The database is not the suite's own");
        }
        databaseStoppedOnPurpose = true;
        Runnable restart = database.stopForAWhile(crash);
        return () -> {
            restart.run();
            listDatabase();
            databaseStoppedOnPurpose = false;
            watchDatabase();
        };
    }

    /**
     * For tests: PostgreSQL stalls (SIGSTOP of the server and every backend: connections stay open,
     * the kernel accepts new ones, nothing answers) while everything else runs; closing the answer
     * lets it go on (SIGCONT).
     */
    public AutoCloseable hangDatabase() {
        ProcessHandle server = ProcessHandle.of(databasePid).orElseThrow(() -> new IllegalStateException(
                "The database is not the suite's own"));
        java.util.List<ProcessHandle> tree = ManagedProcess.tree(server);
        signal(tree, "STOP");
        return () -> signal(tree, "CONT");
    }

    /**
     * For tests: Keycloak hangs (SIGSTOP: connections accepted by the kernel, never answered) while
     * everything else runs; closing the answer lets it go on (SIGCONT).
     */
    public AutoCloseable hangKeycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is not the suite's own");
        }
        java.util.List<ProcessHandle> tree = keycloak.current().tree();
        signal(tree, "STOP");
        return () -> signal(tree, "CONT");
    }

    private static void signal(java.util.List<ProcessHandle> processes, String signal) {
        processes.forEach(p -> Commands.run(java.util.List.of("kill", "-s", signal, String.valueOf(p.pid())), ""));
    }

    /** Waits while the suite runs; answers what stopped it when a part it cannot run without was lost. */
    public String awaitLoss() throws InterruptedException {
        try {
            return loss.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a started part to stop with the suite; one started after the suite was closed stops at once. */
    private <T extends AutoCloseable> T push(T part) {
        started.push(part);
        if (closed) {
            close();
            throw new IllegalStateException("The suite was stopped while it started");
        }
        return part;
    }

    private void startAll() {
        long t0 = System.nanoTime();
        Children.stopLeftovers(settings.stateDir()); // an earlier launcher killed with its watchdog
        children = Children.in(settings.stateDir());
        String[] keycloakDb = null;
        if (settings.externalDbUrl() != null) {
            dbUrl = settings.externalDbUrl();
            dbUser = settings.externalDbUser();
            dbPassword = settings.externalDbPassword();
        } else {
            DatabaseSecrets secrets = settings.databaseSecrets();
            EmbeddedDatabase db = EmbeddedDatabase.start(settings.stateDir().resolve("postgres"),
                    settings.postgresPort(), settings.keycloakInMemory(), secrets.superuser());
            database = push(db);
            listDatabase();
            watchDatabase();
            dbUser = APPLICATION_ROLE;
            dbPassword = secrets.application();
            migrationUser = SCHEMA_OWNER;
            migrationPassword = secrets.owner();
            db.ensureConvene("convene", migrationUser, migrationPassword, dbUser, dbPassword);
            dbUrl = db.jdbcUrl("convene");
            if (!settings.keycloakInMemory()) {
                db.ensureDatabase("keycloak", "keycloak", secrets.keycloak());
                keycloakDb = new String[] {db.jdbcUrl("keycloak"), "keycloak", secrets.keycloak()};
            }
            LOG.info(() -> "PostgreSQL ready at " + dbUrl);
        }
        if (settings.externalBrokerHost() == null) {
            broker = EmbeddedBroker.start(settings.stateDir().resolve("artemis"), settings.brokerPort(),
                    settings.brokerUser(), settings.brokerPassword());
            push(broker);
            LOG.info(() -> "Artemis broker ready at tcp://127.0.0.1:" + settings.brokerPort());
        }
        // Keycloak started here is awaited while Payara boots: the two start side by side
        ManagedProcess keycloakProcess = settings.externalKeycloakUrl() == null ? KeycloakServer.launch(settings, keycloakDb) : null;
        if (keycloakProcess != null) {
            keycloak = push(Supervised.essential(keycloakProcess, this::lost)); // its realm and sessions: not restarted alone
        }
        Runnable awaitKeycloak = () -> {
            if (keycloakProcess != null) {
                KeycloakServer.awaitReady(keycloakProcess, settings);
                if (settings.host() != null) {
                    administrator = FirstAdministrator.forHostName(settings);
                }
                LOG.info(() -> "Keycloak ready at " + settings.keycloakUrl());
            }
        };
        if (System.getProperty("convene.turn.urls") == null || System.getProperty("convene.media.janus-url") == null) {
            MediaPackages.ensure();
        }
        if (settings.host() != null) {
            certificate = TlsCertificate.forHost(settings.host(), settings.stateDir());
        }
        if (System.getProperty("convene.turn.urls") == null) {
            turn = TurnServer.startIfInstalled(settings.stateDir(), settings.host(), settings.bindAddress(), certificate);
            if (turn != null) {
                push(Supervised.sameCommandAgain(turn.process(), started -> ManagedProcess.sleep(500)));
                LOG.info(() -> "coturn (STUN/TURN) ready at 127.0.0.1:" + turn.port());
            }
        }
        if (System.getProperty("convene.media.janus-url") == null) {
            janus = JanusServer.startIfInstalled(settings.stateDir());
            if (janus != null) {
                push(Supervised.sameCommandAgain(janus.process(), janus::awaitReady));
                LOG.info(() -> "Janus (media) ready at " + janus.url());
                for (int i = 1; i <= audienceJanuses(); i++) {
                    JanusServer more = janus.startForAudience(settings.stateDir(), i);
                    push(Supervised.sameCommandAgain(more.process(), more::awaitReady));
                    audienceJanus.add(more);
                    LOG.info(() -> "Janus for webinars' audiences ready at " + more.url());
                }
            }
        }
        if (nodes == 1) {
            Map<String, String> config = applicationConfig();
            convene = push(Supervised.restarting(PayaraMicroServer.start(settings, config, awaitKeycloak),
                    exited -> PayaraMicroServer.restart(settings, config)));
        } else {
            awaitKeycloak.run();
            java.util.List<Integer> ports = java.util.stream.IntStream.rangeClosed(1, nodes)
                    .mapToObj(i -> settings.httpPort() + i).toList();
            ConveneCluster cluster = ConveneCluster.start(settings, applicationConfig(), "node", ports, this::push);
            push(LoadBalancer.start(settings.stateDir(), settings.httpPort(), cluster.urls()));
            LOG.info(() -> "HAProxy in front of " + nodes + " nodes at " + settings.httpUrl());
        }
        if (settings.host() != null) {
            push(Supervised.sameCommandAgain(FrontDoor.start(settings, certificate), started -> FrontDoor.awaitListening(started,
                    "0.0.0.0".equals(settings.bindAddress()) ? "127.0.0.1" : settings.bindAddress(), settings.httpsPort())));
            LOG.info(() -> "HTTPS front door at " + settings.publicUrl() + " (" + settings.bindAddress() + ":"
                    + settings.httpsPort() + ", plain HTTP on " + settings.redirectPort() + " redirected)");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> "Convene ready at " + settings.publicUrl() + " in " + millis + " ms");
    }

    /**
     * What Convene reads through MicroProfile Config: what the suite decided, under what the operator
     * set — every {@code convene.*} system property given to the launcher, and the environment
     * variable of each key the suite would decide (CONVENE_PUBLIC_URL for convene.public-url) win.
     */
    public Map<String, String> applicationConfig() {
        Map<String, String> config = suitesChoices();
        config.replaceAll(SuiteSettings::setting); // the operator's value (property, then environment) over the suite's
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("convene."))
                .forEach(name -> config.put(name, System.getProperty(name)));
        config.computeIfPresent("convene.public-url", (key, url) -> url.replaceAll("/+$", "")); // links append their paths
        return config;
    }

    private Map<String, String> suitesChoices() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("convene.db.url", dbUrl);
        config.put("convene.db.user", dbUser);
        config.put("convene.db.password", dbPassword);
        if (migrationUser != null) { // the embedded database; an external one takes the operator's convene.db.migration-*
            config.put("convene.db.migration-user", migrationUser);
            config.put("convene.db.migration-password", migrationPassword);
        }
        config.put("convene.keycloak.url", settings.keycloakUrl());
        config.put("convene.keycloak.backend-client-secret", settings.backendClientSecret());
        config.put("convene.secrets.key", settings.secretsKey());
        config.put("convene.registration.enabled", String.valueOf(settings.registrationEnabled()));
        config.put("convene.public-url", settings.publicUrl());
        if (settings.host() != null && settings.externalKeycloakUrl() == null) { // browsers reach Keycloak through the front door
            config.put("convene.keycloak.public-url", settings.publicUrl());
        }
        config.put("convene.blobs.dir", settings.stateDir().resolve("blobs").toAbsolutePath().toString());
        if (turn != null) {
            config.putAll(turn.applicationConfig());
        }
        if (janus != null) {
            config.putAll(janus.applicationConfig());
        }
        if (!audienceJanus.isEmpty()) {
            config.put("convene.media.janus-audience-urls", String.join(",", audienceJanus.stream().map(JanusServer::url).toList()));
        }
        if (settings.mailHost() != null) {
            config.put("convene.mail.host", settings.mailHost());
            config.put("convene.mail.port", String.valueOf(settings.mailPort()));
        }
        return config;
    }

    /** For the start-up banner: where STUN/TURN is, or why there is none. */
    public String turnDescription() {
        if (System.getProperty("convene.turn.urls") != null) {
            return "external: " + System.getProperty("convene.turn.urls");
        }
        return turn == null ? "off (apt-get install coturn for relayed media)"
                : "coturn at " + (settings.host() == null ? "127.0.0.1" : settings.host()) + ":" + turn.port()
                        + (turn.tlsPort() == 0 ? "" : ", over TLS on " + turn.tlsPort())
                        + " (credentials per participant, an hour each)";
    }

    /** For the start-up banner: the certificate the front door serves, and how to trust a self-signed one. */
    public String tlsDescription() {
        if (certificate == null) {
            return "off: plain HTTP on 127.0.0.1 (--host NAME serves HTTPS on that name)";
        }
        return certificate.selfSigned()
                ? "self-signed, " + certificate.certificate() + "\n                SHA-256 " + certificate.fingerprint()
                        + "\n                trust it: import that file into the browser's or the system's certificates,"
                        + "\n                or for a quick look start Chromium with --ignore-certificate-errors-spki-list="
                        + certificate.spki()
                : "the operator's, SHA-256 " + certificate.fingerprint() + " (HSTS on)";
    }

    /** For the start-up banner: who signs in first on a host name (the demo accounts are for the plain run). */
    public String accountsDescription() {
        if (settings.host() == null) {
            return null;
        }
        if (administrator == null) {
            return settings.externalKeycloakUrl() != null ? "in your Keycloak" : "the realm's administrators (made on an earlier start)";
        }
        return administrator.email() + (administrator.temporary()
                ? ", one-time password " + administrator.password() + " (changed at the first sign-in)"
                : ", with the password given (convene.admin.password)");
    }

    /** For the start-up banner: the media server, or why there is none. */
    public String mediaDescription() {
        if (System.getProperty("convene.media.janus-url") != null) {
            return "external Janus: " + System.getProperty("convene.media.janus-url");
        }
        return janus == null ? "off (apt-get install janus janus-tools ffmpeg for audio, video and recordings)" : "Janus at " + janus.url()
                + (audienceJanus.isEmpty() ? "" : ", " + audienceJanus.size() + " more for webinars' audiences");
    }

    /** How many further Janus servers to start for webinars' audiences: {@code convene.media.janus-audience-servers}, none by default. */
    private static int audienceJanuses() {
        return Math.max(0, SuiteSettings.intSetting("convene.media.janus-audience-servers", 0));
    }

    /** How many Payara Micro nodes run Convene (behind HAProxy when more than one). */
    public int nodes() {
        return nodes;
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** The embedded broker, or null when an external one is configured. */
    public EmbeddedBroker broker() {
        return broker;
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    /** Who owns the embedded database's schema (null with an external database). */
    public String migrationUser() {
        return migrationUser;
    }

    public String migrationPassword() {
        return migrationPassword;
    }

    @Override
    public void close() {
        closed = true;
        AutoCloseable part;
        while ((part = started.poll()) != null) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warning(() -> "Stopping failed: " + e);
            }
        }
    }
}
