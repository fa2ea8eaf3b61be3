package io.convene.bench;

import io.convene.launcher.Folders;
import io.convene.launcher.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prosody 0.12 (Debian's package) as a child process with a config and data folder of its own:
 * anonymous login (SASL ANONYMOUS), XMPP over WebSocket (RFC 7395) on 127.0.0.1, one MUC component
 * whose archive (mod_muc_mam) is in an embedded PostgreSQL as durable as Convene's (fsync and
 * synchronous_commit on), its throttles off. The room is created by the sender, who joins first.
 */
final class ProsodyServer implements ChatServerComparison.ChatServer {

    static final String PACKAGES = "prosody lua-dbi-postgresql";
    private static final String ROOM = "bench@muc.localhost";
    /** -Dbench.prosody-archive=false: without mod_muc_mam, to see what the archive costs. */
    private static final boolean ARCHIVE = !"false".equals(System.getProperty("bench.prosody-archive"));
    private static final String CONFIG = """
            -- Written by io.convene.bench.ChatServerComparison for one run; not the system's Prosody.
            run_as_root = true -- as root it would switch to the prosody user, who cannot write here
            data_path = "%1$s/data"
            pidfile = "%1$s/prosody.pid"
            log = { %5$s = "%1$s/prosody.log" } -- -Dbench.prosody-log=debug for more
            network_backend = "epoll"
            interfaces = { "127.0.0.1" }
            c2s_ports = { %2$d }
            c2s_interfaces = { "127.0.0.1" }
            http_ports = { %3$d }
            http_interfaces = { "127.0.0.1" }
            https_ports = { }
            http_default_host = "localhost"
            -- mod_limits is not loaded: Debian's own config loads it with c2s at 10 kB/s
            modules_enabled = { "saslauth", "websocket", "disco", "ping" }
            modules_disabled = { "s2s", "offline" }
            c2s_require_encryption = false
            consider_websocket_secure = true
            storage = "sql"
            sql = { driver = "PostgreSQL", database = "prosody", username = "postgres", password = "",
                    host = "127.0.0.1", port = %4$d }

            VirtualHost "localhost"
                authentication = "anonymous"

            Component "muc.localhost" "muc"
                modules_enabled = { %6$s }  -- "muc_mam" but with -Dbench.prosody-archive=false
                muc_log_all_rooms = true        -- every message archived in PostgreSQL
                muc_room_locking = false        -- the sender's new room is open at once
                muc_room_default_persistent = true -- else its archive is deleted once the room empties
                muc_room_default_history_length = 1000
                max_history_messages = 1000     -- 0.12 has no cap on occupants to raise
            """;

    private final Path dir;
    private final EmbeddedPostgres pg;
    private final Process prosody;
    private final URI uri;

    /** Prosody started, or null (the reason printed) when it is not installed. */
    static ProsodyServer start(Path dir) throws Exception {
        String binary = System.getProperty("bench.prosody", "/usr/bin/prosody");
        if (!Files.isExecutable(Path.of(binary))) {
            System.out.printf("%nProsody is not installed (no %s): apt-get install -y %s — its row is skipped.%n",
                    binary, PACKAGES);
            return null;
        }
        Folders.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs")); // none: no TLS here, but Prosody looks
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true).setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        try {
            return new ProsodyServer(binary, dir.toAbsolutePath(), pg);
        } catch (Exception e) {
            pg.close();
            throw e;
        }
    }

    private ProsodyServer(String binary, Path dir, EmbeddedPostgres pg) throws Exception {
        this.dir = dir;
        this.pg = pg;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database prosody");
        }
        int http = FreePorts.pick();
        Path config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, CONFIG.formatted(dir, FreePorts.pick(), http, pg.getPort(),
                System.getProperty("bench.prosody-log", "info"), ARCHIVE ? "\"muc_mam\"" : ""));
        prosody = new ProcessBuilder(binary, "--config", config.toString(), "-F").redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile()).start();
        uri = URI.create("ws://127.0.0.1:" + http + "/xmpp-websocket");
        try {
            awaitReady(URI.create("http://127.0.0.1:" + http + "/xmpp-websocket"));
        } catch (Exception e) {
            prosody.destroyForcibly(); // PostgreSQL is stopped by start()
            throw e;
        }
        System.out.printf("Prosody %s up (pid %d): %s, config %s%n", version(binary), prosody.pid(), uri, config);
    }

    /** Until its WebSocket endpoint answers (30 s at most). */
    private void awaitReady(URI endpoint) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && prosody.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Prosody did not start (" + (prosody.isAlive() ? "no answer in 30 s" : "exited "
                + prosody.exitValue()) + "; are " + PACKAGES + " installed?). Its logs: " + dir.resolve("console.log")
                + ", " + dir.resolve("prosody.log") + "\n" + tail(dir.resolve("console.log")) + tail(dir.resolve("prosody.log")));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())) + "\n";
    }

    private static String version(String binary) {
        try {
            Process p = new ProcessBuilder(binary.replaceAll("prosody$", "prosodyctl"), "about").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return out.lines().filter(l -> l.startsWith("Prosody ")).findFirst().orElse("?").substring(8);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    @Override
    public String name() {
        return ARCHIVE ? "Prosody MUC + PostgreSQL" : "Prosody MUC, no archive";
    }

    @Override
    public long pid() {
        return prosody.pid();
    }

    @Override
    public ChatServerComparison.Member member(String nick) {
        return new Xmpp(nick);
    }

    @Override
    public String chat(long seq) {
        return "<message xmlns='jabber:client' to='" + ROOM + "' type='groupchat'><body>cmp-" + seq + "</body></message>";
    }

    /** One occupant: open, SASL ANONYMOUS, open again, bind, join the room; in once its own presence (110) comes. */
    private final class Xmpp extends ChatServerComparison.Member {
        private static final String OPEN = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='localhost' version='1.0'/>";
        private final String nick;
        private int step; // 0 features, 1 SASL, 2 features again, 3 bind, 4 joining, 5 in the room

        Xmpp(String nick) {
            this.nick = nick;
        }

        @Override
        void open(WsClients clients) throws Exception {
            socket = clients.open(uri, "xmpp", this);
            socket.text(OPEN);
        }

        @Override
        public void text(WsClients.Socket s, String x, long now) {
            try {
                if (step == 5) {
                    int at = x.startsWith("<message") ? x.indexOf("<body>cmp-") : -1;
                    if (at >= 0) {
                        chat(Long.parseLong(x, at + 10, x.indexOf('<', at + 10), 10), now);
                    }
                } else if (x.startsWith("<stream:features") && step == 0) {
                    step = 1;
                    s.text("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='ANONYMOUS'/>");
                } else if (x.startsWith("<challenge")) {
                    s.text("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
                } else if (x.startsWith("<success") && step == 1) {
                    step = 2;
                    s.text(OPEN);
                } else if (x.startsWith("<stream:features") && step == 2) {
                    step = 3;
                    s.text("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
                } else if (x.startsWith("<iq") && step == 3 && x.contains("type='result'")) {
                    step = 4;
                    s.text("<presence xmlns='jabber:client' to='" + ROOM + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'>"
                            + "<history maxstanzas='0'/></x></presence>");
                } else if (x.startsWith("<presence") && step == 4 && x.contains("code='110'")) {
                    step = 5;
                    ready.complete(null);
                } else if (x.startsWith("<failure") || x.startsWith("<close") || x.startsWith("<stream:error")
                        || (x.contains("type='error'") && (step < 4 || x.contains(nick)))) {
                    failed("Prosody said " + x);
                }
            } catch (IOException e) {
                failed("send failed: " + e);
            }
        }
    }

    private void countArchived() {
        try (Connection c = pg.getDatabase("postgres", "prosody").getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from prosodyarchive where store = 'muc_log'")) {
            r.next();
            System.out.printf("  Prosody's archive in PostgreSQL holds %,d messages%n", r.getLong(1));
        } catch (SQLException e) {
            System.out.println("  Prosody's archive could not be counted: " + e);
        }
    }

    @Override
    public void close() {
        try {
            prosody.destroy(); // SIGTERM: Prosody stops cleanly
            if (!prosody.waitFor(10, TimeUnit.SECONDS)) {
                prosody.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            prosody.destroyForcibly();
        } finally {
            if (ARCHIVE) {
                countArchived();
            }
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop: " + e);
            }
        }
    }
}
