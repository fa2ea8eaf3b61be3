package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.launcher.DatabaseSecrets;
import io.convene.launcher.Suite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL: every user signs in with a password, the superuser too; the schema
 * belongs to an owner that runs the migrations, and Convene's application role may only read and
 * write rows, so it cannot change the schema or remove the audit trail's append-only trigger; each
 * use has a secret of its own.
 */
class DatabaseAccessIT {

    private static Connection as(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(ConveneSuite.get().dbUrl(), p);
    }

    @Test
    void nobodySignsInWithoutTheirPasswordTheSuperuserIncluded() throws SQLException {
        Suite suite = ConveneSuite.get();
        DatabaseSecrets secrets = suite.settings().databaseSecrets();
        for (String user : List.of("postgres", suite.migrationUser(), suite.dbUser())) {
            assertThatThrownBy(() -> as(user, null).close()).as(user + " without a password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> as(user, "not-" + secrets.superuser()).close()).as(user + " with a wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (Connection c = as("postgres", secrets.superuser()); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("select rolsuper from pg_roles where rolname = current_user");
            assertThat(r.next() && r.getBoolean(1)).as("with its own password the superuser gets in").isTrue();
            r = s.executeQuery("select string_agg(distinct auth_method, ',') from pg_hba_file_rules");
            assertThat(r.next() ? r.getString(1) : null).as("only password (SCRAM) sign-in is configured").isEqualTo("scram-sha-256");
        }
    }

    @Test
    void theApplicationRoleReadsAndWritesRowsButCannotTouchTheSchemaOrTheAuditTrail() throws SQLException {
        Suite suite = ConveneSuite.get();
        assertThat(ConveneSuite.text("select tableowner from pg_tables where tablename = 'audit_entries'"))
                .isEqualTo(suite.migrationUser()).isNotEqualTo(suite.dbUser());
        assertThat(ConveneSuite.count("select count(*) from pg_tables where schemaname = 'public' and tableowner <> '"
                + suite.migrationUser() + "'")).as("every table is the owner's").isZero();
        assertThat(ConveneSuite.count("select count(*) from pg_trigger where tgname = 'audit_entries_append_only'")).isEqualTo(1);
        long entries = ConveneSuite.count("select count(*) from audit_entries");

        try (Connection c = ConveneSuite.database(); Statement s = c.createStatement()) {
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            refused.put("drop trigger audit_entries_append_only on audit_entries", "must be owner");
            refused.put("alter table audit_entries disable trigger audit_entries_append_only", "must be owner");
            refused.put("alter table audit_entries add column forged text", "must be owner");
            refused.put("drop table audit_entries", "must be owner");
            refused.put("truncate audit_entries", "permission denied");
            refused.put("create or replace function audit_entries_refuse_change() returns trigger language plpgsql as "
                    + "$$ begin return old; end $$", "permission denied");
            refused.put("create table forged (id int)", "permission denied");
            refused.put("delete from flyway_schema_history", "permission denied");
            refused.put("delete from reports_schema_history", "permission denied"); // the reports' own migrations' history
            refused.put("set session_replication_role = replica", "permission denied");
            for (Map.Entry<String, String> statement : refused.entrySet()) {
                assertThatThrownBy(() -> s.execute(statement.getKey())).as(statement.getKey())
                        .isInstanceOf(SQLException.class).hasMessageContaining(statement.getValue());
            }
            assertThat(s.executeQuery("select count(*) from audit_entries").next()).as("it reads rows").isTrue();
            assertThat(s.executeQuery("select count(*) from reporting_attendees").next()).as("it reads the reports' views").isTrue();
        }
        assertThat(ConveneSuite.count("select count(*) from pg_trigger where tgname = 'audit_entries_append_only' and tgenabled = 'O'"))
                .isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from information_schema.columns where table_name = 'audit_entries'"
                + " and column_name = 'forged'")).isZero();
        assertThat(ConveneSuite.count("select count(*) from pg_tables where tablename = 'forged'")).isZero();
        assertThat(ConveneSuite.count("select count(*) from audit_entries")).isGreaterThanOrEqualTo(entries);
    }

    @Test
    void eachUseHasASecretOfItsOwn() {
        Suite suite = ConveneSuite.get();
        DatabaseSecrets secrets = suite.settings().databaseSecrets();
        Map<String, String> config = suite.applicationConfig();
        List<String> all = List.of(config.get("convene.db.password"), config.get("convene.db.migration-password"),
                config.get("convene.keycloak.backend-client-secret"), secrets.superuser(), secrets.keycloak(),
                suite.settings().keycloakAdminPassword(), suite.settings().brokerPassword());
        assertThat(all).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(config.get("convene.db.password")).isEqualTo(suite.dbPassword()).isEqualTo(secrets.application());
        assertThat(config).doesNotContainValue(secrets.superuser()).doesNotContainValue(secrets.keycloak());
    }
}
