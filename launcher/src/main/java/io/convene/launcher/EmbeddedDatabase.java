package io.convene.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * PostgreSQL from Maven Central (zonky's binaries), listening on 127.0.0.1, its data kept in a
 * folder between runs; a folder of the PostgreSQL 14 that earlier versions ran is moved to this one
 * first ({@link PostgresUpgrade}). Holds Convene's database and Keycloak's. Every user, the superuser
 * {@code postgres} included, signs in with a password (SCRAM-SHA-256); each has its own. A data
 * folder from an earlier version (which trusted every local connection) is upgraded on start.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    /** Every user with a password, over loopback and the local socket only. */
    static final List<String> HBA = List.of(
            "# Written by the Convene launcher: every user signs in with a password (SCRAM), locally only",
            "local   all           all                   scram-sha-256",
            "host    all           all   127.0.0.1/32    scram-sha-256",
            "host    all           all   ::1/128         scram-sha-256");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;
    private final String superuserPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, int port, String superuserPassword) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    /** The running server's main process, as its data folder says (postmaster.pid). */
    static java.util.Optional<ProcessHandle> server(Path dataDir) {
        try {
            String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param superuserPassword {@code postgres}'s password: set when the folder is made (or upgraded),
     *                          then needed to sign in
     */
    static EmbeddedDatabase start(Path dataDir, int port, boolean clean, String superuserPassword) {
        if (!clean) {
            PostgresUpgrade.ifNeeded(dataDir, superuserPassword);
        }
        boolean fresh = clean || !Files.exists(dataDir.resolve("postgresql.conf"));
        try {
            EmbeddedDatabase db = new EmbeddedDatabase(startServer(dataDir, port, superuserPassword, clean, null), dataDir, port,
                    superuserPassword);
            db.requirePasswords(dataDir, fresh);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A PostgreSQL server on the folder as the launcher runs it: on 127.0.0.1, SCRAM passwords,
     * durable commits; a folder made now (none there, or {@code clean}) gets the superuser's
     * password from initdb.
     *
     * @param binaries another PostgreSQL's binaries (the earlier one, to move its folder), or null
     */
    static EmbeddedPostgres startServer(Path dataDir, int port, String superuserPassword, boolean clean,
                                        io.zonky.test.db.postgres.embedded.PgBinaryResolver binaries) throws IOException {
        boolean fresh = clean || !Files.exists(dataDir.resolve("postgresql.conf"));
        Path pwfile = dataDir.toAbsolutePath().resolveSibling(".postgres-password");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                // durable: what a commit acknowledged survives a crash (zonky's test defaults turn both off)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", SuiteSettings.setting("convene.postgres.synchronous-commit", "on"))
                .setConnectConfig("password", superuserPassword);
        if (binaries != null) {
            builder.setPgBinaryResolver(binaries);
        }
        try {
            if (fresh) { // initdb sets the superuser's password and password sign-in for everyone (its -A trust overridden)
                writeSecretFile(pwfile, superuserPassword);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
            }
            return builder.start();
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException e) {
                LOG.warning(() -> "Could not delete " + pwfile + ": " + e);
            }
        }
    }

    /** A file its owner alone may read, holding one line (initdb's password file). */
    static void writeSecretFile(Path file, String line) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, line + "\n");
    }

    /**
     * Makes pg_hba.conf {@link #HBA} (and reloads it). A folder made by an earlier version trusts local
     * connections: there the superuser first gets its password.
     */
    private void requirePasswords(Path dataDir, boolean fresh) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (Files.readAllLines(hba).equals(HBA)) {
            return;
        }
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            if (!fresh) {
                s.execute("alter role postgres password " + literal(superuserPassword));
            }
            Files.write(hba, HBA);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot require passwords of the embedded PostgreSQL", e);
        }
        if (!fresh) {
            LOG.info("Embedded PostgreSQL upgraded: every user, postgres included, now signs in with a password");
        }
    }

    /**
     * Convene's database: {@code owner} owns it, its schema and every table and runs the migrations;
     * {@code application} may only read and write rows (the owner's migrations grant it that), so it
     * can neither change the schema nor drop the audit trail's append-only trigger. A database from
     * an earlier version, owned by the application's role, is handed to the owner.
     */
    void ensureConvene(String name, String owner, String ownerPassword, String application, String applicationPassword) {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            ensureRole(s, owner, ownerPassword);
            ensureRole(s, application, applicationPassword);
            if (exists(c, "select 1 from pg_database where datname = ?", name)) {
                s.execute("alter database " + name + " owner to " + owner);
            } else {
                s.execute("create database " + name + " owner " + owner);
            }
            s.execute("revoke all on database " + name + " from public");
            s.execute("grant connect, temporary on database " + name + " to " + application);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + name, e);
        }
        try (Connection c = superuser(name); Statement s = c.createStatement()) {
            s.execute("reassign owned by " + application + " to " + owner); // tables an earlier version made as the application
            s.execute("alter schema public owner to " + owner);
            s.execute("revoke create on schema public from public");
            s.execute("grant usage on schema public to " + application);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot hand database " + name + " to " + owner, e);
        }
    }

    /** A database with a login role of its own that owns it (Keycloak's), closed to every other role. */
    void ensureDatabase(String name, String user, String password) {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            ensureRole(s, user, password);
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                s.execute("create database " + name + " owner " + user);
            }
            s.execute("revoke all on database " + name + " from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + name, e);
        }
    }

    /** Creates the login role, or sets its password (which the secrets file may have just made). */
    private static void ensureRole(Statement s, String role, String password) throws SQLException {
        boolean exists;
        try (ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = " + literal(role))) {
            exists = r.next();
        }
        s.execute((exists ? "alter role " + role + " with login" : "create role " + role + " login")
                + " nosuperuser nocreatedb nocreaterole password " + literal(password));
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** A string literal for the statements that take no parameters (role passwords). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private Connection superuser(String database) throws SQLException {
        DataSource ds = postgres.getDatabase("postgres", database);
        return ds.getConnection();
    }

    /**
     * Stops the server as an outage would (a fast shutdown, SIGINT: every connection cut, new ones
     * refused); the answer starts it again on the same folder, port and settings, as zonky started it
     * (the postgres binary in a user namespace of its own, which it needs when the launcher runs as
     * root). For tests of how Convene bears losing its database.
     *
     * @param crash true: SIGKILL of the server and every backend at once, as a crash would end them (what
     *        was not yet written is lost, and the next start recovers from the write-ahead log)
     */
    Runnable stopForAWhile(boolean crash) {
        ProcessHandle server = server(dataDir).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<String> command = new java.util.ArrayList<>("root".equals(System.getProperty("user.name"))
                ? List.of("unshare", "-U") : List.of());
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));
        List<ProcessHandle> backends = server.descendants().toList();
        List<String> kill = new java.util.ArrayList<>(List.of("kill", crash ? "-KILL" : "-INT", String.valueOf(server.pid())));
        if (crash) {
            backends.forEach(backend -> kill.add(String.valueOf(backend.pid())));
        }
        Commands.run(kill, "");
        server.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        backends.forEach(backend -> backend.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join());
        return () -> {
            try {
                new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("postgres-restarted.log").toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try (Connection c = superuser("postgres")) {
                    return;
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL did not come back", notYet);
                    }
                    ManagedProcess.sleep(200);
                }
            }
        };
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
