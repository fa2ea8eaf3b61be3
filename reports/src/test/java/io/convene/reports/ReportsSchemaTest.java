package io.convene.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.platform.persistence.ModuleMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The reports module's own tables come from its own migrations, with a history of their own, after the core's. */
class ReportsSchemaTest {

    @Test
    void theReportsMigrationsAreFoundAndAppliedWithTheirOwnHistory() throws SQLException {
        assertThat(ModuleMigrations.found(getClass().getClassLoader()))
                .containsExactly(new ModuleMigrations("reports", "db/reports", "reports_schema_history"));

        DataSource db = ReportDatabase.start();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select version, success from reports_schema_history where version is not null"
                     + " and type = 'SQL' order by installed_rank")) {
            assertThat(r.next()).as("a migration of the reports' is in their history").isTrue();
            assertThat(r.getString("version")).isEqualTo("1");
            assertThat(r.getBoolean("success")).isTrue();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from flyway_schema_history where script like '%reports%'")) {
            r.next();
            assertThat(r.getInt(1)).as("the core's history holds none of the reports' migrations").isZero();
        }
    }
}
