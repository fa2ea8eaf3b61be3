package io.convene.launcher;

import java.nio.file.Path;

/**
 * The README's run command: starts the suite with embedded defaults, prints where everything is and
 * the demo accounts, and stops what it started on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    /** What {@code --help} prints: the options, and every setting with its default. */
    static final String USAGE = """
            Usage: java -jar convene-launcher.jar [--host NAME] [--log-format text|json] [--help]

            Starts the whole Convene suite with embedded defaults and stops it on Ctrl-C.

            Options:
              --host NAME          serve Convene and its sign-in over HTTPS on that host name (convene.host)
              --log-format FORMAT  text (default) or json: one JSON object per line (convene.log.format)
              --help, -h           print this and exit

            Settings (a system property -Dname=value, or the environment variable in capitals with _
            for . and -, e.g. CONVENE_PUBLIC_URL): what the operator sets wins over these defaults.
              convene.host                          the host name to serve over HTTPS               none: 127.0.0.1 over HTTP
              convene.public-url                    the address people use (join links, sign-in)   https://<host>[:port] or http://127.0.0.1:<http port>
              convene.bind-address                  where the HTTPS front door listens              0.0.0.0 with a host, else 127.0.0.1
              convene.https.port                    the front door's HTTPS port                     443
              convene.http.redirect-port            its plain HTTP port, redirecting to HTTPS       80
              convene.tls.certificate / .key        the certificate chain and key (PEM)             self-signed, made in <state dir>/tls
              convene.admin.email / .password       the first administrator on a host name         asked at a terminal; else a one-time password
              convene.admin.name                    their name                                      Convene Administrator
              convene.http.port                     Convene's HTTP port on 127.0.0.1                8080
              convene.keycloak.port                 the embedded Keycloak's port                    8180
              convene.postgres.port                 the embedded PostgreSQL's port                  15432
              convene.broker.port                   the embedded Artemis broker's port              61616
              convene.state.dir                     where data, secrets and logs are kept           .convene
              convene.nodes                         Payara Micro nodes (behind HAProxy when > 1)    1
              convene.payara.heap                   each Payara Micro's heap (-Xmx)                 512m
              convene.class-sharing                 JVMs map the classes an earlier start loaded     true
              convene.log.format                    text or json (the launcher, Payara, Keycloak)   text
              convene.db.url / .user / .password    an external PostgreSQL instead of the embedded one
              convene.db.pool-min / .pool-max       connections to the database kept open / at most  2 / 32
              convene.db.socket-timeout             seconds a call waits on a silent database       60
              convene.postgres.synchronous-commit   off: faster commits, the last ~0.6 s lost on a crash  on
              convene.postgres.client-dir           pg_dumpall and psql to move a PostgreSQL 14 folder  found on PATH or in /usr/lib/postgresql
              convene.keycloak.url                  an external Keycloak instead of the embedded one
              convene.keycloak.backend-client-secret  Convene's client secret in Keycloak           made on first run
              convene.secrets.key                   wraps Convene's keys kept in the database       made on first run
              convene.broker.host / .user / .password an external Artemis broker
              convene.registration.enabled          whether people may register themselves          true
              convene.demo.password                 the demo accounts' password                     Convene-demo-2026
              convene.mail.host / convene.mail.port the SMTP server for invitations                 off / 25
              convene.media.janus-url               an external Janus instead of the local one
              convene.media.janus-audience-servers  more local Janus servers for webinars' audiences  0
              convene.media.install                 whether to install Janus when it is missing     false
              convene.media.ice-interfaces          the interfaces Janus offers candidates on
              convene.turn.urls                     external STUN/TURN servers instead of coturn
              convene.turn.relay-ip                 coturn's relay address                          127.0.0.1
              convene.turn.tls-port                 coturn's TURN over TLS port (with a host)       5349
              convene.turn.allowed-peer-ips         further peers coturn may relay to
              convene.http.trust-forwarded-proto    trust X-Forwarded-Proto from a proxy in front   true with a host, else false
              convene.keycloak.home                 where Keycloak is unpacked                       the build's
              convene.keycloak.java-options         the embedded Keycloak's JVM options (JAVA_OPTS_APPEND wins)  -XX:TieredStopAtLevel=1
            Any other convene.* setting is passed to Convene itself (docs/ lists them).
            """;

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (args[i].equals("--host") && i + 1 < args.length) {
                System.setProperty("convene.host", args[++i]);
                continue;
            }
            if (args[i].equals("--log-format") && i + 1 < args.length) {
                System.setProperty("convene.log.format", args[++i]);
                continue;
            }
            System.err.println("Unknown option " + args[i] + "\n");
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            DatabaseResources.commands(); // settings that cannot run are said before anything starts
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        LogFormat.chosen().applyToLauncher();
        Path launcherJar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path runtime = launcherJar.getParent().resolve("runtime");
        Path state = Path.of(SuiteSettings.setting("convene.state.dir", ".convene")).toAbsolutePath();
        long t0 = System.nanoTime();
        int nodes;
        SuiteSettings settings;
        try { // a setting that cannot run is said in a line, before anything starts
            nodes = SuiteSettings.intSetting("convene.nodes", 1);
            settings = SuiteSettings.forRun(state, runtime);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Suite suite = Suite.of(settings, nodes);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "convene-shutdown")); // Ctrl-C while starting too
        suite.begin();
        SuiteSettings s = suite.settings();
        System.out.printf("""

                Convene is ready (%.1f s).
                  Nodes         %s
                  REST API      %s/api   (OpenAPI: %s/openapi, health: %s/health)
                  Console       %s/admin  (administrators and compliance officers)
                  Join page     %s/join/<code>?t=…  (the link of every invitation: joinUrl of a scheduled meeting)
                  Keycloak      %s/admin  (%s)
                  PostgreSQL    %s
                  Artemis       tcp://%s:%d
                  E-mail        %s
                  Media         %s
                  STUN/TURN     %s
                  HTTPS         %s
                  Logs          %s
                """, (System.nanoTime() - t0) / 1e9,
                nodes == 1 ? "one Payara Micro" : nodes + " Payara Micro nodes (ports " + (s.httpPort() + 1) + "-"
                        + (s.httpPort() + nodes) + ", one data grid) behind HAProxy", s.publicUrl(), s.publicUrl(), s.publicUrl(),
                s.publicUrl(), s.publicUrl(), s.keycloakUrl(),
                s.externalKeycloakUrl() != null ? "external"
                        : "user admin, password in " + state.resolve("secrets.properties"),
                suite.dbUrl(), s.brokerHost(), s.brokerPort(),
                s.mailHost() == null ? "off (set CONVENE_MAIL_HOST and CONVENE_MAIL_PORT to send invitations)"
                        : "via " + s.mailHost() + ":" + s.mailPort(),
                suite.mediaDescription(), suite.turnDescription(), suite.tlsDescription(), state.resolve("logs"));
        if (suite.accountsDescription() != null) {
            System.out.printf("""
                      Administrator %s
                    Ctrl-C stops everything.
                    """, suite.accountsDescription());
        } else {
            System.out.printf("""
                    Demo accounts (password %s):
                      ada@convene.example     admin, host
                      hana@convene.example    host
                      pablo@convene.example   participant
                      cora@convene.example    compliance-officer
                    Try: curl -s -X POST %s/api/users/login -H 'Content-Type: application/json' \\
                           -d '{"email":"hana@convene.example","password":"%s"}'
                    Ctrl-C stops everything.
                    """, s.demoPassword(), s.publicUrl(), s.demoPassword());
        }
        String lost = suite.awaitLoss();
        System.err.println("Convene stopped: " + lost);
        System.exit(1);
    }
}
