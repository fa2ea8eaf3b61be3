package io.convene.launcher;

/**
 * The embedded PostgreSQL's passwords, one per use and none shared with anything else: the
 * superuser {@code postgres}, the owner of Convene's schema (migrations), Convene's application
 * role (rows only), and Keycloak's own database user. Never logged.
 */
public record DatabaseSecrets(String superuser, String owner, String application, String keycloak) {

    /** Fresh ones (a test run). */
    static DatabaseSecrets random() {
        return new DatabaseSecrets(SuiteSettings.randomSecret(), SuiteSettings.randomSecret(), SuiteSettings.randomSecret(),
                SuiteSettings.randomSecret());
    }

    @Override
    public String toString() {
        return "DatabaseSecrets[…]";
    }
}
