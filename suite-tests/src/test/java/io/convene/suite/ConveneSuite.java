package io.convene.suite;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.convene.launcher.FreePorts;
import io.convene.launcher.Suite;
import io.convene.launcher.SuiteSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The real suite (embedded PostgreSQL, Keycloak in memory, the Artemis broker, Payara Micro with
 * the Convene WAR), an SMTP server (GreenMail) it mails through and an HTTP server (WireMock) that
 * speaks the providers' APIs, started once for all test classes of this JVM and stopped when it exits.
 */
public final class ConveneSuite {

    private static Suite suite;
    private static GreenMail smtp;
    private static WireMockServer providers;

    private ConveneSuite() {
    }

    public static synchronized Suite get() {
        if (suite == null) {
            long t0 = System.nanoTime();
            Path state = Path.of(System.getProperty("convene.test.state.dir", "target/suite"));
            deleteLeftovers(state); // a run that was killed leaves a database initdb refuses to overwrite
            Path runtime = Path.of(System.getProperty("convene.runtime.dir", "../launcher/target/runtime"));
            int smtpPort = FreePorts.pick();
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            providers = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            providers.start();
            // handed on to Convene by the launcher (Suite.applicationConfig): the providers' APIs are here
            String playedApis = "http://127.0.0.1:" + providers.port();
            System.setProperty("convene.slack.api-url", playedApis + "/slack/api");
            System.setProperty("convene.google.api-url", playedApis + "/google/calendar/v3");
            System.setProperty("convene.google.token-url", playedApis + "/google/token");
            System.setProperty("convene.google.authorize-url", playedApis + "/google/auth"); // the consent screen, played
            System.setProperty("convene.google.client-id", "convene-google-client");
            System.setProperty("convene.google.client-secret", "convene-google-secret");
            System.setProperty("convene.microsoft.graph-url", playedApis + "/ms/graph");
            System.setProperty("convene.microsoft.login-url", playedApis + "/ms/login");
            System.setProperty("convene.microsoft.tenant", "convene-tenant");
            System.setProperty("convene.microsoft.client-id", "convene-app");
            System.setProperty("convene.microsoft.client-secret", "convene-app-secret");
            // outbound calls go to public addresses only: the played APIs are allowed, exactly that address and port
            System.setProperty("convene.outbound.allowed-ranges", "127.0.0.1/32:" + providers.port());
            // a client that stops reading is dropped within seconds here, not the production minute (SlowReaderIT);
            // every other test's sockets answer these pings as they go
            System.setProperty("convene.channel.ping-seconds", "3");
            System.setProperty("convene.channel.ping-patience-seconds", "10");
            // a second Janus serves webinars' audiences, relayed from the first (WebinarRoomIT)
            System.setProperty("convene.media.janus-audience-servers", "1");
            suite = Suite.start(SuiteSettings.forTests(state, runtime).withMail("127.0.0.1", smtpPort));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                suite.close();
                smtp.stop();
                providers.stop();
            }));
            System.out.printf("Suite started in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, suite.settings().httpUrl());
        }
        return suite;
    }

    /** The HTTP server that plays the outside providers' APIs (Slack under /slack/api). */
    public static WireMockServer providers() {
        get();
        return providers;
    }

    /** The SMTP server the suite sends its mail to. */
    public static GreenMail smtp() {
        get();
        return smtp;
    }

    private static void deleteLeftovers(Path state) {
        if (!java.nio.file.Files.exists(state)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(state)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Api api() {
        return new Api(get().settings().httpUrl());
    }

    public static Api keycloak() {
        return new Api(get().settings().keycloakUrl());
    }

    public static String demoPassword() {
        return get().settings().demoPassword();
    }

    /** A fresh access token of a demo user, through Convene's own login endpoint. */
    public static String tokenOf(String email) {
        Reply r = api().post("/api/users/login", null, Map.of("email", email, "password", demoPassword()));
        if (r.status() != 200) {
            throw new IllegalStateException("Login of " + email + " failed: " + r);
        }
        return r.text("access_token");
    }

    public static String masterAdminToken() {
        Reply r = keycloak().postForm("/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", get().settings().keycloakAdminPassword()), null);
        if (r.status() != 200) {
            throw new IllegalStateException("Keycloak admin login failed: " + r);
        }
        return r.text("access_token");
    }

    public static Connection database() throws SQLException {
        Suite s = get();
        return DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
    }

    /** The suite's database as the schema's owner (who runs the migrations), not as Convene's application role. */
    public static Connection schemaOwnerDatabase() throws SQLException {
        Suite s = get();
        return DriverManager.getConnection(s.dbUrl(), s.migrationUser(), s.migrationPassword());
    }

    /** One statement against the suite's database (tests set up what only time or a crash would make). */
    public static void execute(String sql) {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null. */
    public static String text(String sql) {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
