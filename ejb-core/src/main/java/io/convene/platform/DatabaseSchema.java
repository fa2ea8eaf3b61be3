package io.convene.platform;

/**
 * Convene's database schema, migrated at start before anything else ({@code persistence.DatabaseMigration},
 * the start-up bean others are {@code @DependsOn}), on the server's pooled data source.
 */
public interface DatabaseSchema {

    /** The server's pooled data source, as Payara names it. */
    String DATA_SOURCE = "jdbc/convene";

    /** Whether the schema is where this version needs it (readiness waits for it). */
    boolean migrated();
}
