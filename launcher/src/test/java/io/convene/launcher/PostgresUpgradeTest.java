package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder of the PostgreSQL 14 that earlier launchers ran is moved to the current PostgreSQL
 * with everything in it (rows, roles, their passwords); when the move fails, the old folder is as it
 * was. Real servers of both versions and Debian's pg_dumpall and psql.
 */
class PostgresUpgradeTest {

    private static final String SUPERUSER = "super-secret";

    @AfterEach
    void forgetSetting() {
        System.clearProperty("convene.postgres.client-dir");
    }

    /** A folder as the launcher of an earlier version left it: PostgreSQL 14, passwords, Convene's and Keycloak's data. */
    private static void earlierFolder(Path data, Path state) throws Exception {
        Path pwfile = state.resolve("pw");
        EmbeddedDatabase.writeSecretFile(pwfile, SUPERUSER);
        int port = FreePorts.pick();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setPgBinaryResolver(PostgresUpgrade.EARLIER_BINARIES)
                .setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString())
                .setConnectConfig("password", SUPERUSER).start()) {
            try (Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                assertThat(one(s, "show server_version_num")).startsWith("14");
                s.execute("create role convene_owner login password 'owner-secret'");
                s.execute("create role convene login password 'app-secret'");
                s.execute("create role keycloak login password 'keycloak-secret'");
                s.execute("create database convene owner convene_owner");
                s.execute("create database keycloak owner keycloak");
            }
            try (Connection c = as(url + "convene", "convene_owner", "owner-secret"); Statement s = c.createStatement()) {
                s.execute("create table meetings (id bigserial primary key, title text not null)");
                s.execute("insert into meetings (title) select 'Meeting ' || n from generate_series(1, 500) n");
                s.execute("create table audit_entries (id bigserial primary key, detail text)");
                s.execute("insert into audit_entries (detail) values ('kept')");
                s.execute("grant select, insert, update, delete on all tables in schema public to convene");
                s.execute("grant usage on all sequences in schema public to convene");
            }
            try (Connection c = as(url + "keycloak", "keycloak", "keycloak-secret"); Statement s = c.createStatement()) {
                s.execute("create table user_entity (id text primary key, email text)");
                s.execute("insert into user_entity values ('1', 'ada@example.com')");
            }
        }
        Files.delete(pwfile);
    }

    @Test
    void anEarlierFolderMovesWithItsRowsRolesAndPasswords(@TempDir Path state) throws Exception {
        Path data = state.resolve("postgres");
        earlierFolder(data, state);
        int port = FreePorts.pick();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port, false, SUPERUSER)) {
            try (Connection c = as(db.jdbcUrl("convene"), "convene", "app-secret"); Statement s = c.createStatement()) {
                assertThat(one(s, "show server_version_num")).startsWith(PostgresUpgrade.CURRENT);
                assertThat(one(s, "select count(*) from meetings")).isEqualTo("500");
                assertThat(one(s, "select title from meetings where id = 500")).isEqualTo("Meeting 500");
                assertThat(one(s, "select detail from audit_entries")).isEqualTo("kept");
                s.execute("insert into meetings (title) values ('after the move')"); // the sequence came along
                assertThat(one(s, "select max(id) from meetings")).isEqualTo("501");
            }
            try (Connection c = as(db.jdbcUrl("keycloak"), "keycloak", "keycloak-secret"); Statement s = c.createStatement()) {
                assertThat(one(s, "select email from user_entity")).isEqualTo("ada@example.com");
            }
            assertThatThrownBy(() -> as(db.jdbcUrl("convene"), "convene", "wrong").close())
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(PostgresUpgrade.majorOf(data)).isEqualTo(PostgresUpgrade.CURRENT);
        assertThat(PostgresUpgrade.majorOf(state.resolve("postgres-14"))).as("the old folder is kept").isEqualTo("14");
        try (var left = Files.list(state)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no dump left behind")
                    .noneMatch(name -> name.endsWith(".sql"));
        }

        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, port, false, SUPERUSER);
                Connection c = as(again.jdbcUrl("convene"), "convene_owner", "owner-secret"); Statement s = c.createStatement()) {
            assertThat(one(s, "select count(*) from meetings")).as("started again as it now is").isEqualTo("501");
        }
    }

    @Test
    void aMoveThatFailsLeavesTheOldFolderAsItWas(@TempDir Path state) throws Exception {
        Path data = state.resolve("postgres");
        earlierFolder(data, state);
        Path client = Files.createDirectories(state.resolve("client"));
        Files.createSymbolicLink(client.resolve("pg_dumpall"), PostgresUpgrade.findClient().resolve("pg_dumpall"));
        Path psql = client.resolve("psql"); // a restore that breaks off: the disk filled up, say
        Files.writeString(psql, "#!/bin/sh\necho 'psql: could not write: No space left on device' >&2\nexit 2\n");
        psql.toFile().setExecutable(true);
        System.setProperty("convene.postgres.client-dir", client.toString());

        assertThatThrownBy(() -> EmbeddedDatabase.start(data, FreePorts.pick(), false, SUPERUSER).close())
                .hasMessageContaining("is as it was")
                .hasMessageContaining("No space left on device");

        assertThat(PostgresUpgrade.majorOf(data)).isEqualTo("14");
        assertThat(state.resolve("postgres-14")).doesNotExist();
        System.clearProperty("convene.postgres.client-dir");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, FreePorts.pick(), false, SUPERUSER);
                Connection c = as(db.jdbcUrl("convene"), "convene", "app-secret"); Statement s = c.createStatement()) {
            assertThat(one(s, "select count(*) from meetings")).as("the next start moves it").isEqualTo("500");
            assertThat(one(s, "show server_version_num")).startsWith(PostgresUpgrade.CURRENT);
        }
    }

    @Test
    void withoutAClientNothingIsTouched(@TempDir Path state) throws Exception {
        Path data = state.resolve("postgres");
        earlierFolder(data, state);
        System.setProperty("convene.postgres.client-dir", Files.createDirectories(state.resolve("empty")).toString());

        assertThatThrownBy(() -> EmbeddedDatabase.start(data, FreePorts.pick(), false, SUPERUSER).close())
                .hasMessageContaining("pg_dumpall");
        assertThat(PostgresUpgrade.majorOf(data)).isEqualTo("14");
        assertThat(state.resolve("postgres-14")).doesNotExist();
    }

    private static Connection as(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
