package io.convene.platform.persistence;

import io.convene.platform.DatabaseSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Convene's database: the Flyway migrations (the core's, then each module's own: {@link ModuleMigrations}),
 * applied before anything else starts, on the server's
 * pooled data source {@value DatabaseSchema#DATA_SOURCE} (made by whoever starts Payara, with the pool's sizes the
 * operator set and the URL and credentials from MicroProfile Config: docs/database.md). Start-up beans that touch the database are {@code @DependsOn} this.
 * The migrations run as the schema's owner ({@code convene.db.migration-user} and
 * {@code -password}) when one is set, which then grants the application's role
 * ({@code convene.db.user}) rows only; without one they run as the application's role.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration implements DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "convene.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "convene.db.user")
    String applicationUser;

    @Inject
    @ConfigProperty(name = "convene.db.migration-user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "convene.db.migration-password")
    Optional<String> migrationPassword;

    private volatile boolean migrated;

    @Override
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public boolean migrated() {
        return migrated;
    }

    @PostConstruct
    void migrate() {
        long started = System.nanoTime();
        boolean separateOwner = migrationUser.filter(u -> !u.isBlank() && !u.equals(applicationUser)).isPresent();
        DataSource migrations = separateOwner ? owner() : dataSource;
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(migrations)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        List<ModuleMigrations> modules = ModuleMigrations.found(DatabaseMigration.class.getClassLoader());
        modules.forEach(m -> m.apply(migrations, DatabaseMigration.class.getClassLoader()));
        if (separateOwner) {
            grantRowsTo(migrations, applicationUser, modules);
        }
        migrated = true;
        LOG.info(() -> String.format("Database schema at version %s (%d migration(s) applied%s) in %d ms",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted, separateOwner ? " as " + migrationUser.get() + ", rows granted to " + applicationUser : "",
                (System.nanoTime() - started) / 1_000_000));
    }

    /** A connection as the schema's owner, for the migrations only (not pooled: used once at start). */
    private DataSource owner() {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(url);
        owner.setUser(migrationUser.get());
        owner.setPassword(migrationPassword.orElse(null));
        return owner;
    }

    /**
     * The application's role may read and write rows, nothing more: no DDL, no TRUNCATE, so it can
     * neither alter {@code audit_entries} nor drop its append-only trigger; tables the owner makes
     * later are granted the same (default privileges). Flyway's histories are the owner's alone.
     */
    private static void grantRowsTo(DataSource owner, String application, List<ModuleMigrations> modules) {
        String role = '"' + application.replace("\"", "\"\"") + '"';
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("grant usage on schema public to " + role);
            s.execute("grant select, insert, update, delete on all tables in schema public to " + role);
            s.execute("grant usage, select on all sequences in schema public to " + role);
            s.execute("alter default privileges in schema public grant select, insert, update, delete on tables to " + role);
            s.execute("alter default privileges in schema public grant usage, select on sequences to " + role);
            s.execute("revoke all on table flyway_schema_history from " + role);
            for (ModuleMigrations m : modules) {
                s.execute("revoke all on table " + m.table() + " from " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot grant the application's role " + application + " its rows", e);
        }
    }
}
