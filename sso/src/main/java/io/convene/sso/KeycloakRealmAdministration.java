package io.convene.sso;

import io.convene.shared.InvalidInputException;
import io.convene.user.RealmAdministration;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The realm's accounts through Keycloak's admin REST API, as the backend client's service account. */
@Singleton
@Local(RealmAdministration.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeycloakRealmAdministration implements RealmAdministration {

    @Inject
    KeycloakAdmin keycloak;

    @Override
    public AccountPage accounts(String search, int first, int max) {
        String query = search == null ? "" : "search=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&";
        long total;
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users/count?" + query).get())) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("count accounts", r);
            }
            total = Long.parseLong(r.readEntity(String.class).trim());
        }
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users?" + query + "first=" + first + "&max=" + max
                + "&briefRepresentation=false").get())) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("list accounts", r);
            }
            List<Account> accounts = r.readEntity(JsonArray.class).getValuesAs(JsonObject.class).stream()
                    .map(u -> account(u, null)).toList();
            return new AccountPage(accounts, first, max, total);
        }
    }

    @Override
    public Account account(String subject) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users/" + subject).get())) {
            if (r.getStatus() == 404) {
                return null;
            }
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("read an account", r);
            }
            JsonObject user = r.readEntity(JsonObject.class);
            return account(user, directRoles(subject));
        }
    }

    @Override
    public List<Session> sessions(String subject) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users/" + subject + "/sessions").get())) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("list sessions", r);
            }
            return r.readEntity(JsonArray.class).getValuesAs(JsonObject.class).stream()
                    .map(s -> new Session(s.getString("id"), s.getString("ipAddress", null), millis(s, "start"),
                            millis(s, "lastAccess"), s.containsKey("clients")
                            ? s.getJsonObject("clients").values().stream().map(v -> ((JsonString) v).getString()).sorted().toList()
                            : List.of()))
                    .toList();
        }
    }

    @Override
    public void assignRealmRoles(String subject, Set<String> roles, Set<String> manageable) {
        keycloak.makeRealmRoles("/users/" + subject + "/role-mappings/realm", roles, manageable, "account " + subject);
    }

    @Override
    public void setEnabled(String subject, boolean enabled) {
        String body = Jsons.createObjectBuilder().add("enabled", enabled).build().toString();
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users/" + subject).put(Entity.json(body)))) {
            if (r.getStatus() != 204) {
                throw KeycloakAdmin.unexpected(enabled ? "enable an account" : "disable an account", r);
            }
        }
    }

    @Override
    public void resetPassword(String subject, String password, boolean temporary) {
        String body = Jsons.createObjectBuilder().add("type", "password").add("value", password)
                .add("temporary", temporary).build().toString();
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users/" + subject + "/reset-password").put(Entity.json(body)))) {
            if (r.getStatus() == 400) {
                String message = r.readEntity(JsonObject.class).getString("error_description", "the password policy refused it");
                throw new InvalidInputException("password", message);
            }
            if (r.getStatus() != 204) {
                throw KeycloakAdmin.unexpected("reset a password", r);
            }
        }
    }

    private Set<String> directRoles(String subject) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/users/" + subject + "/role-mappings/realm").get())) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("read roles", r);
            }
            Set<String> roles = new TreeSet<>();
            r.readEntity(JsonArray.class).getValuesAs(JsonObject.class).forEach(role -> roles.add(role.getString("name")));
            return roles;
        }
    }

    private static Account account(JsonObject u, Set<String> directRoles) {
        boolean directory = u.containsKey("federationLink") && u.get("federationLink").getValueType() == JsonValue.ValueType.STRING;
        return new Account(u.getString("id"), u.getString("username", null), u.getString("email", null),
                u.getString("firstName", null), u.getString("lastName", null), u.getBoolean("enabled", true), directory,
                millis(u, "createdTimestamp"), directRoles);
    }

    private static Instant millis(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? Instant.ofEpochMilli(n.longValue()) : null;
    }
}
