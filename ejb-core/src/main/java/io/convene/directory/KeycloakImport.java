package io.convene.directory;

import java.util.Locale;

/**
 * When Keycloak imports a directory's people into its own database: each person at their first
 * sign-in (Keycloak's LDAP provider does that by itself, and checks the directory at every sign-in),
 * or everyone at every sync as well ({@code convene.directory.keycloak-import}).
 */
public enum KeycloakImport {
    FIRST_SIGN_IN, EACH_SYNC;

    public static final String SETTING = "convene.directory.keycloak-import";

    /** The setting's value ({@code first-sign-in}, {@code each-sync}); anything else is refused in words. */
    public static KeycloakImport of(String setting) {
        for (KeycloakImport k : values()) {
            if (k.settingValue().equals(setting.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException(SETTING + " is '" + setting + "'; it takes first-sign-in or each-sync");
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
