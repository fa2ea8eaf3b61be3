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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL asks everyone for a password, and a data folder of an earlier version is upgraded. */
class EmbeddedDatabaseTest {

    private static Connection as(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void aFreshFolderAsksEveryoneForAPasswordAndHandsTheSchemaToItsOwner(@TempDir Path state) throws Exception {
        int port = FreePorts.pick();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(state.resolve("postgres"), port, true, "super-secret")) {
            db.ensureConvene("convene", "convene_owner", "owner-secret", "convene", "app-secret");
            String url = db.jdbcUrl("convene");
            assertThatThrownBy(() -> as(url, "postgres", null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> as(url, "convene", "super-secret").close()).hasMessageContaining("password authentication failed");
            assertThat(Files.readAllLines(state.resolve("postgres/pg_hba.conf"))).isEqualTo(EmbeddedDatabase.HBA);
            try (Connection c = as(url, "postgres", "super-secret")) {
                assertThat(one(c, "show fsync")).as("written to disk").isEqualTo("on");
                assertThat(one(c, "show synchronous_commit")).as("acknowledged once durable").isEqualTo("on");
            }
            assertThat(state.resolve(".postgres-password")).as("the initdb password file is gone").doesNotExist();
            try (Connection owner = as(url, "convene_owner", "owner-secret"); Statement s = owner.createStatement()) {
                s.execute("create table audit_entries (id bigserial primary key)");
            }
            try (Connection app = as(url, "convene", "app-secret"); Statement s = app.createStatement()) {
                assertThatThrownBy(() -> s.execute("create table forged (id int)")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("drop table audit_entries")).hasMessageContaining("must be owner");
            }
        }
    }

    @Test
    void aFolderOfAnEarlierVersionIsUpgradedAndKeepsItsData(@TempDir Path state) throws Exception {
        Path data = state.resolve("postgres");
        int port = FreePorts.pick();
        // as the earlier launcher left it: every local connection trusted, the tables the application role's
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("listen_addresses", "127.0.0.1").start()) {
            try (Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role convene login password 'shared-with-keycloak'");
                s.execute("create database convene owner convene");
            }
            try (Connection c = earlier.getDatabase("convene", "convene").getConnection(); Statement s = c.createStatement()) {
                s.execute("create table audit_entries (id bigserial primary key, detail text)");
                s.execute("insert into audit_entries (detail) values ('kept')");
            }
        }

        for (int start = 1; start <= 2; start++) { // upgraded, then started again as it now is
            try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port, false, "super-secret")) {
                db.ensureConvene("convene", "convene_owner", "owner-secret", "convene", "app-secret");
                String url = db.jdbcUrl("convene");
                assertThatThrownBy(() -> as(url, "postgres", null).close()).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> as(url, "convene", "shared-with-keycloak").close()).isInstanceOf(SQLException.class);
                try (Connection owner = as(url, "convene_owner", "owner-secret")) {
                    assertThat(one(owner, "select detail from audit_entries")).isEqualTo("kept");
                    assertThat(one(owner, "select tableowner from pg_tables where tablename = 'audit_entries'"))
                            .isEqualTo("convene_owner");
                }
                try (Connection app = as(url, "convene", "app-secret"); Statement s = app.createStatement()) {
                    assertThatThrownBy(() -> s.execute("drop table audit_entries")).hasMessageContaining("must be owner");
                }
            }
        }
    }
}
