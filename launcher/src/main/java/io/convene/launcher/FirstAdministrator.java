package io.convene.launcher;

import java.io.Console;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Convene on a host name is for real people: the demo accounts (whose password the README prints)
 * are removed from the realm, and its first administrator (realm roles admin and host) comes from
 * the settings {@code convene.admin.email} and {@code convene.admin.password}, or from a prompt when
 * the launcher runs at a terminal. Without a password one is made, printed once, and must be changed
 * at the first sign-in. Nothing happens once the realm has an administrator.
 */
final class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USERNAME = Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"");

    /** The administrator made now; {@code temporary}: the password was made here and is changed at the first sign-in. */
    record Made(String email, String password, boolean temporary) {
    }

    private FirstAdministrator() {
    }

    /** On a host name: no demo accounts, and an administrator; the one made now, or null. */
    static Made forHostName(SuiteSettings settings) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(settings);
        removeDemoAccounts(keycloak, demoAccounts(KeycloakServer.realm()));
        return ensure(keycloak);
    }

    /** The demo accounts of the realm file (every user but the backend's service account). */
    static List<String> demoAccounts(String realmJson) {
        List<String> names = new ArrayList<>();
        Matcher m = USERNAME.matcher(realmJson);
        while (m.find()) {
            if (!m.group(1).startsWith("service-account-")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static void removeDemoAccounts(KeycloakAdminApi keycloak, List<String> usernames) {
        for (String username : usernames) {
            Matcher found = ID.matcher(keycloak.get("/users?exact=true&username=" + java.net.URLEncoder.encode(username,
                    java.nio.charset.StandardCharsets.UTF_8)));
            if (found.find()) {
                keycloak.send("DELETE", "/users/" + found.group(1), null, 204);
                LOG.info(() -> "Demo account " + username + " removed: not for a host name");
            }
        }
    }

    /** Makes the first administrator unless the realm has one; the one made, or null. */
    static Made ensure(KeycloakAdminApi keycloak) {
        if (ID.matcher(keycloak.get("/roles/admin/users?first=0&max=1")).find()) {
            return null;
        }
        Console terminal = System.console();
        String email = SuiteSettings.setting("convene.admin.email", null);
        if (email == null && terminal != null) {
            email = terminal.readLine("The first administrator's e-mail address: ");
        }
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalStateException("Convene on a host name needs its first administrator: set convene.admin.email"
                    + " (CONVENE_ADMIN_EMAIL) and convene.admin.password, or start the launcher at a terminal to be asked");
        }
        String password = SuiteSettings.setting("convene.admin.password", null);
        if (password == null && terminal != null) {
            password = prompted(terminal);
        }
        if (password != null && password.length() < 12) {
            throw new IllegalStateException("convene.admin.password needs 12 characters or more (the realm's password policy)");
        }
        boolean temporary = password == null;
        if (temporary) {
            password = SuiteSettings.randomSecret();
        }
        String[] name = SuiteSettings.setting("convene.admin.name", "Convene Administrator").trim().split("\\s+", 2);
        String user = "{\"username\":" + KeycloakAdminApi.quote(email) + ",\"email\":" + KeycloakAdminApi.quote(email)
                + ",\"firstName\":" + KeycloakAdminApi.quote(name[0]) + ",\"lastName\":"
                + KeycloakAdminApi.quote(name.length > 1 ? name[1] : name[0]) + ",\"emailVerified\":true,\"enabled\":true,"
                + "\"credentials\":[{\"type\":\"password\",\"value\":" + KeycloakAdminApi.quote(password) + ",\"temporary\":"
                + temporary + "}]}";
        String location = keycloak.send("POST", "/users", user, 201).headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak made the administrator but did not say where"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        String roles = "[" + keycloak.get("/roles/admin") + "," + keycloak.get("/roles/host") + "]";
        keycloak.send("POST", "/users/" + id + "/role-mappings/realm", roles, 204);
        String made = email;
        LOG.info(() -> "First administrator " + made + " made (realm roles admin, host)");
        return new Made(email, password, temporary);
    }

    private static String prompted(Console terminal) {
        while (true) {
            char[] first = terminal.readPassword("Their password (12 characters or more; empty: make one): ");
            if (first == null || first.length == 0) {
                return null;
            }
            char[] again = terminal.readPassword("Again: ");
            if (first.length >= 12 && Arrays.equals(first, again)) {
                return new String(first);
            }
            terminal.printf("They differ, or it is shorter than 12 characters.%n");
        }
    }
}
