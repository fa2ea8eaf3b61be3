package io.convene.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A module's own migrations, for the tables it owns (the reports' jobs): its jar names them in
 * {@value #DESCRIPTOR} ({@code module}, {@code location} below {@code db/}, and the Flyway
 * history {@code table}). They are applied after the core's, at the same point of the start-up
 * ({@link DatabaseMigration}), each with a history of its own: a module's versions are its own.
 */
public record ModuleMigrations(String module, String location, String table) {

    public static final String DESCRIPTOR = "META-INF/convene-migrations.properties";

    private static final Logger LOG = Logger.getLogger(ModuleMigrations.class.getName());

    /** Every module's migrations this class loader sees, by module name. */
    public static List<ModuleMigrations> found(ClassLoader loader) {
        List<ModuleMigrations> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(DESCRIPTOR))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                found.add(of(p.getProperty("module"), p.getProperty("location"), p.getProperty("table"), url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the modules' migrations (" + DESCRIPTOR + ")", e);
        }
        found.sort(Comparator.comparing(ModuleMigrations::module));
        return found;
    }

    private static ModuleMigrations of(String module, String location, String table, URL from) {
        if (module == null || !module.matches("[a-z][a-z-]*") || location == null || !location.matches("db/[a-z][a-z/-]*")
                || table == null || !table.matches("[a-z][a-z_]*_schema_history")) {
            throw new IllegalStateException(from + " must name module, location (db/...) and table (..._schema_history)");
        }
        return new ModuleMigrations(module, location, table);
    }

    /** Applies them (a history that does not exist yet starts below the first version); answers how many ran. */
    public int apply(DataSource database, ClassLoader loader) {
        MigrateResult result = Flyway.configure(loader).dataSource(database).locations("classpath:" + location).table(table)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        LOG.info(() -> "The " + module + " module's tables at version " + (result.targetSchemaVersion == null
                ? result.initialSchemaVersion : result.targetSchemaVersion) + " (" + result.migrationsExecuted + " applied)");
        return result.migrationsExecuted;
    }
}
