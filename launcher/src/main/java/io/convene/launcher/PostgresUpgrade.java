package io.convene.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Moves a data folder of the embedded PostgreSQL 14 (what earlier versions ran) to the PostgreSQL the
 * launcher runs now. The old server, kept in the launcher for this alone, is started on the folder;
 * {@code pg_dumpall} of Debian's PostgreSQL client (or the folder {@code convene.postgres.client-dir})
 * writes everything, roles and their passwords included; a new folder is made and the dump restored
 * into it; every table's row count is compared. The old folder stays beside the new one
 * ({@code postgres-14}) until the operator deletes it. Anything that fails leaves the old folder where
 * it was, as it was, and the next start tries again.
 */
final class PostgresUpgrade {

    /** The major version the launcher runs. */
    static final String CURRENT = "17";

    /** The one earlier major version it moves from. */
    static final String EARLIER = "14";

    /** PostgreSQL 14's binaries, packed into the launcher under a folder of their own by the build. */
    static final PgBinaryResolver EARLIER_BINARIES = (system, architecture) -> {
        String name = "/postgres-" + EARLIER + "/postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + architecture + ".txz";
        InputStream in = PostgresUpgrade.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("This launcher holds no PostgreSQL " + EARLIER + " for " + system + "-" + architecture);
        }
        return in;
    };

    private static final Logger LOG = Logger.getLogger(PostgresUpgrade.class.getName());

    private final Path dataDir;
    private final String superuserPassword;
    private final Path clientDir;

    PostgresUpgrade(Path dataDir, String superuserPassword, Path clientDir) {
        this.dataDir = dataDir;
        this.superuserPassword = superuserPassword;
        this.clientDir = clientDir;
    }

    /** The major version a data folder was made by, or null when there is none yet. */
    static String majorOf(Path dataDir) {
        Path version = dataDir.resolve("PG_VERSION");
        try {
            return Files.exists(version) ? Files.readString(version).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the folder to {@link #CURRENT} when an earlier version made it; nothing otherwise. */
    static void ifNeeded(Path dataDir, String superuserPassword) {
        String major = majorOf(dataDir);
        if (major == null || major.equals(CURRENT)) {
            return;
        }
        if (!major.equals(EARLIER)) {
            throw new IllegalStateException("The embedded PostgreSQL folder " + dataDir + " was made by PostgreSQL " + major
                    + "; this launcher runs " + CURRENT + " and moves folders of " + EARLIER + " only (docs/database.md)");
        }
        String configured = SuiteSettings.setting("convene.postgres.client-dir", null);
        Path client = configured != null ? Path.of(configured) : findClient();
        if (!hasTools(client)) {
            throw new IllegalStateException(NO_CLIENT + " (convene.postgres.client-dir is " + client + ")");
        }
        new PostgresUpgrade(dataDir, superuserPassword, client).run();
    }

    /**
     * A folder with {@code pg_dumpall} and {@code psql} of version {@link #EARLIER} or later: on the
     * PATH, else Debian's {@code /usr/lib/postgresql/N/bin}, newest first.
     */
    static Path findClient() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .sorted((a, b) -> Integer.parseInt(b.getFileName().toString()) - Integer.parseInt(a.getFileName().toString()))
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .filter(PostgresUpgrade::hasTools)
                .filter(dir -> clientMajor(dir) >= Integer.parseInt(EARLIER))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(NO_CLIENT));
    }

    private static final String NO_CLIENT = "Moving the embedded PostgreSQL " + EARLIER + " to " + CURRENT
            + " needs pg_dumpall and psql " + EARLIER + " or later: install Debian's postgresql-client, or name their "
            + "folder in convene.postgres.client-dir. Nothing was changed";

    private static boolean hasTools(Path dir) {
        return Files.isExecutable(dir.resolve("pg_dumpall")) && Files.isExecutable(dir.resolve("psql"));
    }

    private static int clientMajor(Path dir) {
        // "pg_dumpall (PostgreSQL) 15.18 (Debian ...)"
        Commands.Result version = Commands.capture(List.of(dir.resolve("pg_dumpall").toString(), "--version"), Map.of());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\) (\\d+)").matcher(version.output());
        return version.exitCode() == 0 && m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Where the old folder is kept once moved. */
    Path keptFolder() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-" + EARLIER);
    }

    void run() {
        long t0 = System.nanoTime();
        Path kept = keptFolder();
        if (Files.exists(kept)) {
            throw new IllegalStateException(kept + " exists already: move it away to upgrade " + dataDir + " again");
        }
        Path dump = dataDir.resolveSibling("postgres-upgrade.sql");
        LOG.info(() -> "Moving the embedded PostgreSQL in " + dataDir + " from " + EARLIER + " to " + CURRENT + " (with "
                + clientDir + "); the old folder stays in " + kept);
        Map<String, Long> before;
        int oldPort = FreePorts.pick();
        try (EmbeddedPostgres old = server(dataDir, oldPort, EARLIER_BINARIES, false)) {
            before = rowCounts(oldPort);
            dumpAll(oldPort, dump);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dump);
            throw new IllegalStateException("Cannot write down PostgreSQL " + EARLIER + " in " + dataDir
                    + " to move it; nothing was changed: " + e.getMessage(), e);
        }
        try {
            Files.move(dataDir, kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int newPort = FreePorts.pick();
            try (EmbeddedPostgres fresh = server(dataDir, newPort, null, true)) {
                restore(newPort, dump);
                Map<String, Long> after = rowCounts(newPort);
                if (!after.equals(before)) {
                    throw new IllegalStateException("The restored databases differ from the old ones: " + difference(before, after));
                }
            }
            Files.delete(dump);
            long rows = before.values().stream().mapToLong(Long::longValue).sum();
            LOG.info(() -> String.format("Embedded PostgreSQL moved from %s to %s in %d ms: %d tables, %d rows, the same in both. "
                    + "The old folder %s can be deleted once Convene runs as it should.", EARLIER, CURRENT,
                    (System.nanoTime() - t0) / 1_000_000, before.size(), rows, kept));
        } catch (IOException | RuntimeException e) {
            putBack(kept, dump);
            throw new IllegalStateException("Moving the embedded PostgreSQL to " + CURRENT + " failed; " + dataDir
                    + " is as it was (PostgreSQL " + EARLIER + "): " + e.getMessage(), e);
        }
    }

    /** The new folder goes, the old one comes back. */
    private void putBack(Path kept, Path dump) {
        try {
            if (Files.exists(dataDir)) {
                try (Stream<Path> all = Files.walk(dataDir)) {
                    for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.move(kept, dataDir);
        } catch (IOException e) {
            LOG.severe(() -> "Could not put " + kept + " back to " + dataDir + ": " + e + " (move it back by hand)");
        }
        deleteQuietly(dump);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + file + ": " + e);
        }
    }

    /** A server on the folder, as the launcher runs it; {@code fresh} makes the folder, password sign-in only. */
    private EmbeddedPostgres server(Path folder, int port, PgBinaryResolver binaries, boolean fresh) throws IOException {
        EmbeddedPostgres started = EmbeddedDatabase.startServer(folder, port, superuserPassword, false, binaries);
        if (fresh) {
            Files.write(folder.resolve("pg_hba.conf"), EmbeddedDatabase.HBA);
        }
        return started;
    }

    private void dumpAll(int port, Path dump) throws IOException {
        EmbeddedDatabase.writeSecretFile(dump, "-- the roles' password hashes are in here: its owner alone reads it");
        client(List.of(clientDir.resolve("pg_dumpall").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "postgres", "--no-password", "-f", dump.toString()), "pg_dumpall");
    }

    /**
     * Runs the dump into the new server, stopping at the first error. The superuser exists already
     * (initdb made it, with the same password): the dump's {@code CREATE ROLE postgres} is left out,
     * its {@code ALTER ROLE} kept.
     */
    private void restore(int port, Path dump) throws IOException {
        Path script = dump.resolveSibling("postgres-upgrade-restore.sql");
        try (Stream<String> lines = Files.lines(dump)) {
            Files.write(script, lines.filter(l -> !l.equals("CREATE ROLE postgres;")).toList());
        }
        try {
            client(List.of(clientDir.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                    "-p", String.valueOf(port), "-U", "postgres", "--no-password", "-d", "postgres", "-f", script.toString()),
                    "psql");
        } finally {
            Files.delete(script);
        }
    }

    /** A client program with the superuser's password in its environment (never on its command line). */
    private void client(List<String> command, String what) {
        Commands.Result ran = Commands.capture(command, Map.of("PGPASSWORD", superuserPassword));
        if (ran.exitCode() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + ran.exitCode() + ": " + ran.output());
        }
    }

    /** Every user table of every database and its exact row count ("database.schema.table"). */
    private Map<String, Long> rowCounts(int port) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            List<String> databases = new ArrayList<>();
            try (Connection c = connect(port, "postgres"); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select datname from pg_database where datallowconn and not datistemplate")) {
                while (r.next()) {
                    databases.add(r.getString(1));
                }
            }
            for (String db : databases) {
                try (Connection c = connect(port, db); Statement s = c.createStatement()) {
                    List<String> tables = new ArrayList<>();
                    try (ResultSet r = s.executeQuery("select format('%I.%I', schemaname, tablename) from pg_tables "
                            + "where schemaname not in ('pg_catalog', 'information_schema')")) {
                        while (r.next()) {
                            tables.add(r.getString(1));
                        }
                    }
                    for (String table : tables) {
                        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                            r.next();
                            counts.put(db + "." + table, r.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows on port " + port + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private Connection connect(int port, String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", superuserPassword);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> diff = new TreeMap<>();
        before.forEach((t, n) -> {
            if (!n.equals(after.get(t))) {
                diff.put(t, n + " -> " + after.get(t));
            }
        });
        after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> diff.put(t, "new"));
        return diff.toString();
    }
}
