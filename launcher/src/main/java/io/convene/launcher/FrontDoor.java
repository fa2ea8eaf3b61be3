package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Convene on a real host name: Debian's HAProxy ends TLS for everything people reach — Convene (API,
 * console, join and home pages, WebSockets) and Keycloak's pages for browsers ({@code /realms/},
 * {@code /resources/}; its admin console stays on 127.0.0.1) — on the bind address's HTTPS port, and
 * answers plain HTTP on the redirect port with a redirect to HTTPS. It tells what is behind it the
 * original scheme, host and client ({@code X-Forwarded-*}). HSTS only with the operator's own
 * certificate (a browser that learned HSTS for a self-signed one would refuse it for a year).
 */
final class FrontDoor {

    private FrontDoor() {
    }

    static ManagedProcess start(SuiteSettings settings, TlsCertificate certificate) {
        if (!Files.isExecutable(LoadBalancer.BINARY)) {
            throw new IllegalStateException("HTTPS on a host name needs HAProxy in front: apt-get install haproxy");
        }
        Path work = settings.stateDir().toAbsolutePath().resolve("front-door");
        String bind = settings.bindAddress().contains(":") ? "[" + settings.bindAddress() + "]" : settings.bindAddress();
        String keycloak = settings.keycloakUrl().replaceFirst("^https?://", "").replaceAll("/.*$", "");
        String config = """
                global
                  maxconn 8000
                  ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets
                defaults
                  mode http
                  option forwardfor
                  timeout connect 5s
                  timeout http-request 15s
                  timeout client 1h
                  timeout server 1h
                  timeout tunnel 1h
                frontend https
                  bind %1$s:%2$d ssl crt %3$s alpn http/1.1
                  http-request set-header X-Forwarded-Proto https
                  http-request set-header X-Forwarded-Port %2$d
                  http-request set-header X-Forwarded-Host %%[req.hdr(host)]
                %4$s  use_backend keycloak if { path_beg /realms/ /resources/ }
                  default_backend convene
                frontend http
                  bind %1$s:%5$d
                  http-request redirect prefix %6$s code 301
                backend convene
                  server convene 127.0.0.1:%7$d
                backend keycloak
                  server keycloak %8$s
                """.formatted(bind, settings.httpsPort(), certificate.pem(),
                certificate.selfSigned() ? "" : "  http-response set-header Strict-Transport-Security \"max-age=31536000\"\n",
                settings.redirectPort(), settings.publicUrl(), settings.httpPort(), keycloak);
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("haproxy.cfg"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess haproxy = ManagedProcess.start("HAProxy (HTTPS front door)", List.of(LoadBalancer.BINARY.toString(), "-db",
                "-f", work.resolve("haproxy.cfg").toString()), Map.of(), work, settings.stateDir().resolve("logs/front-door.log"));
        awaitListening(haproxy, settings.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : settings.bindAddress(),
                settings.httpsPort());
        return haproxy;
    }

    /** Waits until the HTTPS port takes connections (or HAProxy refused its configuration and exited). */
    static void awaitListening(ManagedProcess haproxy, String address, int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!haproxy.alive()) {
                throw new IllegalStateException("HAProxy exited (ports below 1024 need root or cap_net_bind_service;"
                        + " convene.https.port and convene.http.redirect-port choose others); see " + haproxy.log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException notYet) {
                ManagedProcess.sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy did not listen on " + address + ":" + port + "; see " + haproxy.log());
    }
}
