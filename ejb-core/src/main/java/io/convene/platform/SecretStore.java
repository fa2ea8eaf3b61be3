package io.convene.platform;

/** Where the application's own keys are kept, as text ({@code persistence.SqlSecretStore}: the table {@code app_secrets}). */
public interface SecretStore {

    /** Keeps this value under the name unless one is kept there already (by any node); answers the one kept. */
    String keepFirst(String name, String value);

    /** Replaces the value under the name, if it is still {@code expected}. */
    void replace(String name, String expected, String value);
}
