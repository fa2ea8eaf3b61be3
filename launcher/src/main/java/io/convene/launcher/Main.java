package io.convene.launcher;

import java.nio.file.Path;

/**
 * The README's run command: starts the suite with embedded defaults, prints where everything is and
 * the demo accounts, and stops what it started on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path launcherJar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path runtime = launcherJar.getParent().resolve("runtime");
        Path state = Path.of(SuiteSettings.setting("convene.state.dir", ".convene")).toAbsolutePath();
        long t0 = System.nanoTime();
        int nodes = Integer.parseInt(SuiteSettings.setting("convene.nodes", "1"));
        Suite suite = Suite.of(SuiteSettings.forRun(state, runtime), nodes);
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
                  Logs          %s
                Demo accounts (password %s):
                  ada@convene.example     admin, host
                  hana@convene.example    host
                  pablo@convene.example   participant
                  cora@convene.example    compliance-officer
                Try: curl -s -X POST %s/api/users/login -H 'Content-Type: application/json' \\
                       -d '{"email":"hana@convene.example","password":"%s"}'
                Ctrl-C stops everything.
                """, (System.nanoTime() - t0) / 1e9,
                nodes == 1 ? "one Payara Micro" : nodes + " Payara Micro nodes (ports " + (s.httpPort() + 1) + "-"
                        + (s.httpPort() + nodes) + ", one data grid) behind HAProxy", s.httpUrl(), s.httpUrl(), s.httpUrl(), s.httpUrl(), s.httpUrl(), s.keycloakUrl(),
                s.externalKeycloakUrl() != null ? "external"
                        : "user admin, password in " + state.resolve("secrets.properties"),
                suite.dbUrl(), s.brokerHost(), s.brokerPort(),
                s.mailHost() == null ? "off (set CONVENE_MAIL_HOST and CONVENE_MAIL_PORT to send invitations)"
                        : "via " + s.mailHost() + ":" + s.mailPort(),
                suite.mediaDescription(), suite.turnDescription(),
                state.resolve("logs"), s.demoPassword(),
                s.httpUrl(), s.demoPassword());
        Thread.currentThread().join();
    }
}
