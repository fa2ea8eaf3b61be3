package io.convene.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL, stopped (SIGSTOP: its connections stay open, nothing answers) under connections
 * whose socket timeout is 30 s: the check gives up on the first after its own few seconds, and on the
 * next at once; a live server's connections pass before the stall, and one opened just after it is
 * checked, not given up with the old ones.
 */
class BoundedConnectionCheckTest {

    private static final int SOCKET_TIMEOUT = 30;

    @Test
    void aStalledServerIsGivenUpOnInSecondsAndThenAtOnceALiveOnePasses() throws Exception {
        BoundedConnectionCheck check = new BoundedConnectionCheck();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
                Connection first = connect(postgres);
                Connection second = connect(postgres)) {
            assertThat(check.isConnectionValid(first, 0)).isTrue();
            assertThat(check.isConnectionValid(second, 0)).isTrue();

            long firstTook;
            long secondTook;
            List<ProcessHandle> server = serverProcesses(postgres);
            signal(server, "STOP");
            try {
                long started = System.nanoTime();
                assertThat(check.isConnectionValid(first, 0)).as("a server that does not answer").isFalse();
                firstTook = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                assertThat(check.isConnectionValid(second, 0)).as("the same silent server, just after").isFalse();
                secondTook = (System.nanoTime() - started) / 1_000_000;
            } finally {
                signal(server, "CONT");
            }
            System.out.println("Checks on a stalled server gave up after " + firstTook + " ms, then " + secondTook
                    + " ms (socket timeout " + SOCKET_TIMEOUT + " s)");
            assertThat(firstTook).as("the check's own limit, not the socket timeout")
                    .isBetween((BoundedConnectionCheck.CHECK_SECONDS - 1) * 1000L, SOCKET_TIMEOUT * 1000L / 2);
            assertThat(secondTook).as("no second wait on the same silent server").isLessThan(1000L);
            assertThat(first.isClosed()).as("the driver closes a connection that timed out").isTrue();

            try (Connection fresh = connect(postgres)) {
                assertThat(check.isConnectionValid(fresh, 0))
                        .as("a connection opened just after the stall is checked, not given up with the old ones").isTrue();
            }
        }
    }

    private static Connection connect(EmbeddedPostgres postgres) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT));
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), properties);
    }

    /** The postmaster (the process listening on the port) and its backends. */
    private static List<ProcessHandle> serverProcesses(EmbeddedPostgres postgres) throws SQLException {
        ProcessHandle postmaster;
        // asked while the connection is open: its backend process ends as soon as it closes
        try (Connection c = connect(postgres); var s = c.createStatement(); var r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            postmaster = ProcessHandle.of(r.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants()).toList();
    }

    private static void signal(List<ProcessHandle> processes, String signal) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(String.valueOf(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
