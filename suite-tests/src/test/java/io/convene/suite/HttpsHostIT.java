package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Convene on a real host name, as an operator runs it: the launcher's jar started with
 * {@code --host meet.convene.test} on a non-loopback address of this machine (the tests' namespace's
 * {@code cv0} where there is one). Chromium, told where that name is and trusting the certificate
 * the launcher made, opens the join link of an invitation e-mail over HTTPS, signs in through
 * Keycloak behind the same door, gets camera and microphone (a secure context) and sees the host's
 * video; plain HTTP is sent to HTTPS; the join link, the sign-in and the ICE servers carry the name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpsHostIT {

    private static final String HOST = "meet.convene.test";
    private static final String ADMIN = "it-admin@convene.test";
    private static final String PETRA = "petra@convene.test";
    private static final Pattern LINK = Pattern.compile("https://\\S+/join/\\S+");
    private static Process launcher;
    private static Path state;
    private static String address;
    private static int httpsPort;
    private static int redirectPort;
    private static int turnTlsPort;
    private static Api local;
    private static String demoPassword;
    private static String adminPassword;

    @BeforeAll
    static void startTheLauncherOnAHostName() throws Exception {
        ConveneSuite.get(); // its mail server takes the invitations
        address = nonLoopbackAddress();
        state = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "https-host");
        httpsPort = FreePorts.pick();
        redirectPort = FreePorts.pick();
        turnTlsPort = FreePorts.pick();
        int httpPort = FreePorts.pick();
        demoPassword = "Https-" + Long.toHexString(System.nanoTime());
        adminPassword = "Admin-" + Long.toHexString(System.nanoTime());
        Path jar = Path.of(System.getProperty("convene.runtime.dir", "../launcher/target/runtime")).toAbsolutePath()
                .getParent().resolve("convene-launcher.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dconvene.state.dir=" + state, "-Dconvene.http.port=" + httpPort, "-Dconvene.keycloak.port=" + FreePorts.pick(),
                "-Dconvene.postgres.port=" + FreePorts.pick(), "-Dconvene.broker.port=" + FreePorts.pick(),
                "-Dconvene.bind-address=" + address, "-Dconvene.https.port=" + httpsPort,
                "-Dconvene.http.redirect-port=" + redirectPort, "-Dconvene.turn.tls-port=" + turnTlsPort, "-Dconvene.demo.password=" + demoPassword,
                "-Dconvene.admin.email=" + ADMIN, "-Dconvene.admin.password=" + adminPassword,
                "-Dconvene.mail.host=127.0.0.1", "-Dconvene.mail.port=" + ConveneSuite.smtp().getSmtp().getPort()));
        for (String passed : List.of("convene.media.ice-interfaces", "convene.turn.relay-ip")) { // the tests' namespace
            if (System.getProperty(passed) != null) {
                command.add("-D" + passed + "=" + System.getProperty(passed));
            }
        }
        command.addAll(List.of("-jar", jar.toString(), "--host", HOST, "--log-format", "json"));
        Path output = state.resolve("launcher.out");
        launcher = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Eventually.get(() -> {
            assertThat(launcher.isAlive()).as("the launcher runs: " + tail(output)).isTrue();
            try {
                return Files.readString(output);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, printed -> printed.contains("Convene is ready"), Duration.ofMinutes(6));
        local = new Api("http://127.0.0.1:" + httpPort);
    }

    /** Killed where no shutdown hook runs (SIGKILL): its watchdog stops everything it started, PostgreSQL too. */
    @Test
    @Order(3)
    void aKilledLauncherTakesWhatItStartedWithIt() throws Exception {
        List<ProcessHandle> started = launcher.descendants().toList();
        long postgres = Long.parseLong(Files.readAllLines(state.resolve("postgres/postmaster.pid")).get(0).trim());
        List<String> programs = started.stream().map(p -> p.info().command().orElse("?")).toList();
        assertThat(programs).as("what it started").anyMatch(c -> c.endsWith("/java")).anyMatch(c -> c.endsWith("janus"))
                .anyMatch(c -> c.endsWith("haproxy"));
        assertThat(ProcessHandle.of(postgres)).as("PostgreSQL, detached by pg_ctl").isPresent();

        launcher.destroyForcibly();
        assertThat(launcher.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> alive = Eventually.get(() -> {
            List<String> still = new ArrayList<>();
            started.stream().filter(ProcessHandle::isAlive).forEach(p -> still.add(p.pid() + " " + p.info().command().orElse("?")));
            ProcessHandle.of(postgres).filter(ProcessHandle::isAlive).ifPresent(p -> still.add(postgres + " postgres"));
            return still;
        }, List::isEmpty, Duration.ofSeconds(60));
        assertThat(alive).as("nothing it started outlives it").isEmpty();
        System.out.printf("HttpsHostIT: a SIGKILLed launcher's %d processes and PostgreSQL stopped by its watchdog%n", started.size());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy(); // as Ctrl-C: the launcher stops what it started
            if (!launcher.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void anInvitationTakesPeopleIntoTheMeetingOverHttpsOnItsHostName() throws Exception {
        String banner = Files.readString(state.resolve("launcher.out"));
        assertThat(Files.readString(state.resolve("logs/keycloak.log"))).as("Keycloak in production mode")
                .contains("Keycloak").doesNotContain("development mode");
        assertThat(banner).contains("REST API      https://" + HOST + ":" + httpsPort + "/api");
        String spki = spkiOf(state.resolve("tls/self-signed.crt"));
        assertThat(banner).as("how to trust it is printed").contains("--ignore-certificate-errors-spki-list=" + spki);

        assertThat(banner).contains("Administrator " + ADMIN).doesNotContain("Demo accounts");
        Reply demo = local.post("/api/users/login", null, Map.of("email", Meetings.HOST, "password", demoPassword));
        assertThat(demo.status()).as("no demo accounts on a host name: " + demo).isEqualTo(401);

        // the first administrator (from the settings) makes a colleague's account and schedules with them
        String admin = local.post("/api/users/login", null, Map.of("email", ADMIN, "password", adminPassword)).text("access_token");
        Reply petra = local.post("/api/admin/accounts", admin, Map.of("email", PETRA, "name", "Petra Partner",
                "temporaryPassword", "Temporary-pass-1", "roles", List.of("participant")));
        assertThat(petra.status()).as(petra.toString()).isEqualTo(201);
        Reply meeting = local.post("/api/meetings/schedule", admin, Meetings.with(Meetings.draft("Over HTTPS"),
                "invitees", List.of(PETRA), "settings", Map.of("joinBeforeHost", true)));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        String id = meeting.text("id");
        String link = linkIn(id);
        assertThat(link).startsWith("https://" + HOST + ":" + httpsPort + "/join/");
        assertThat(local.post("/api/meetings/" + id + "/join", admin, Map.of()).status()).isEqualTo(200);
        JsonNode ice = local.get("/api/meetings/" + id + "/ice-servers", admin).json();
        assertThat(ice.toString()).as("the ICE servers on the public name").contains("turn:" + HOST + ":")
                .contains("turns:" + HOST + ":" + turnTlsPort + "?transport=tcp").doesNotContain("127.0.0.1");
        assertThat(certificateOfTurnOverTls()).as("coturn's TLS serves the name's certificate")
                .isEqualTo(certificateIn(state.resolve("tls/self-signed.crt")));

        // plain HTTP on the name is sent to HTTPS, the path kept
        assertThat(plainHttp("/join/abc?t=1")).startsWith("HTTP/1.1 301")
                .containsIgnoringCase("location: https://" + HOST + ":" + httpsPort + "/join/abc?t=1");

        String[] browser = {"--host-resolver-rules=MAP " + HOST + " " + address, "--ignore-certificate-errors-spki-list=" + spki};
        try (Console host = Console.open(1000, 800, concat(Console.MEDIA, browser));
             Console pablo = Console.open(1000, 800, concat(Console.MEDIA, browser))) {
            signInThroughTheLink(host, link, ADMIN, adminPassword, null);
            signInThroughTheLink(pablo, link, PETRA, "Temporary-pass-1", "Petra-own-pass-2"); // a first sign-in: her own password
            for (Console page : List.of(host, pablo)) {
                assertThat(page.script("return window.isSecureContext && location.protocol;")).isEqualTo("https:");
                assertThat(page.browser.getCurrentUrl()).startsWith("https://" + HOST + ":" + httpsPort + "/join/");
            }
            long frames = Eventually.get(() -> {
                long most = 0;
                for (JsonNode feed : MediaIT.stats(pablo)) {
                    most = Math.max(most, feed.path("frames").asLong());
                }
                return most;
            }, decoded -> decoded > 0, Duration.ofSeconds(45));
            assertThat(frames).as("Pablo sees the host's camera").isPositive();
        }
    }

    @Test
    @Order(2)
    void askedForJsonLogsEveryPartWritesOneObjectPerLine() throws IOException {
        for (String log : List.of("payara.log", "keycloak.log", "janus.log", "coturn.log")) {
            List<String> lines = Files.readAllLines(state.resolve("logs").resolve(log)).stream().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as(log).isNotEmpty();
            for (String line : lines) {
                assertThat(Api.JSON.readTree(line).isObject()).as(log + ": " + line).isTrue();
            }
        }
        String launcherLog = Files.readString(state.resolve("launcher.out"));
        assertThat(launcherLog).contains("{\"timestamp\":").contains("\"logger\":\"io.convene.launcher.Suite\"");
    }

    /**
     * Opens the link, signs in on Keycloak's page (served through the same door; a new password
     * chosen there when {@code newPassword} is given), and is in the meeting.
     */
    private static void signInThroughTheLink(Console page, String link, String email, String password, String newPassword) {
        page.browser.get(link);
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
        assertThat(page.browser.getCurrentUrl()).as("Keycloak on the public name").startsWith("https://" + HOST + ":" + httpsPort
                + "/realms/convene/");
        page.browser.findElement(By.id("password")).sendKeys(password);
        page.browser.findElement(By.id("kc-login")).click();
        if (newPassword != null) {
            page.wait.withMessage(page::describe).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")))
                    .sendKeys(newPassword);
            page.browser.findElement(By.id("password-confirm")).sendKeys(newPassword);
            page.click(By.id("kc-submit"));
        }
        page.wait.withMessage(page::describe).until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)"));
    }

    private static String linkIn(String meetingId) {
        EmailInvitesIT.Invite invite = EmailInvitesIT.awaitInvites(PETRA, meetingId + "@convene", 1).get(0);
        Matcher link = LINK.matcher(invite.text());
        assertThat(link.find()).as(invite.text()).isTrue();
        return link.group();
    }

    /** A plain HTTP request to the name's redirect port, as a browser typing http:// sends it; the answer's head. */
    private static String plainHttp(String path) throws IOException {
        try (Socket socket = new Socket(address, redirectPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + redirectPort + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The certificate coturn presents on its TLS port, as a client that trusts whatever it is shown reads it. */
    private static X509Certificate certificateOfTurnOverTls() throws Exception {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { // compared below instead
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(address, turnTlsPort)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static X509Certificate certificateIn(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static String spkiOf(Path certificate) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(certificate));
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
    }

    /** The namespace's cv0 (127.0.1.1) where the tests run in one; else this machine's first non-loopback IPv4. */
    private static String nonLoopbackAddress() throws IOException {
        String netns = System.getProperty("convene.test.netns");
        List<NetworkInterface> interfaces = netns != null ? List.of(NetworkInterface.getByName(netns))
                : Collections.list(NetworkInterface.getNetworkInterfaces());
        for (NetworkInterface i : interfaces) {
            if (i.isUp() && !i.isLoopback()) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        throw new AssertionError("No non-loopback IPv4 address to serve the host name on");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String tail(Path output) {
        try {
            String all = Files.readString(output);
            return all.substring(Math.max(0, all.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
