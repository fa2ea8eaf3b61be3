package io.convene.sso;

import io.convene.shared.Jsons;
import io.convene.shared.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keycloak's admin REST API as Convene's backend client's service account, through the container's
 * Jakarta REST client (Keycloak's own admin client breaks deployment on Payara). The token is kept
 * and renewed a little before it expires.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class.getName());

    @Inject
    KeycloakSettings settings;

    private Client http;
    /** For Keycloak's own imports of a directory, which may take minutes. */
    private Client patient;
    private volatile ServiceToken serviceToken;

    private record ServiceToken(String value, Instant renewAfter) {
    }

    @PostConstruct
    void open() {
        http = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS).build();
        patient = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.MINUTES).build();
    }

    @PreDestroy
    void close() {
        http.close();
        patient.close();
    }

    Client http() {
        return http;
    }

    KeycloakSettings settings() {
        return settings;
    }

    /** A request to the realm's admin API ({@code path} below /admin/realms/{realm}). */
    Invocation.Builder admin(String path) {
        return http.target(settings.adminBase() + path).request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + serviceToken());
    }

    /** The same, for calls that may run for minutes. */
    Invocation.Builder slowAdmin(String path) {
        return patient.target(settings.adminBase() + path).request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + serviceToken());
    }

    /** The URL of the realm's admin API itself (its representation holds the realm's id). */
    String realmUrl() {
        return settings.adminBase();
    }

    /**
     * Makes the realm roles at {@code mappings} (a user's or a group's role-mappings/realm) among
     * {@code manageable} exactly {@code wanted}; other roles stay.
     */
    void makeRealmRoles(String mappings, java.util.Set<String> wanted, java.util.Set<String> manageable, String whose) {
        java.util.Set<String> current = new java.util.HashSet<>();
        try (Response r = call(() -> admin(mappings).get())) {
            if (r.getStatus() != 200) {
                throw unexpected("read the roles of " + whose, r);
            }
            r.readEntity(jakarta.json.JsonArray.class).getValuesAs(JsonObject.class)
                    .forEach(role -> current.add(role.getString("name")));
        }
        java.util.Set<String> add = new java.util.TreeSet<>(wanted);
        add.removeAll(current);
        java.util.Set<String> remove = new java.util.TreeSet<>(current);
        remove.retainAll(manageable);
        remove.removeAll(wanted);
        if (!add.isEmpty()) {
            changeRoles(mappings, add, true, whose);
        }
        if (!remove.isEmpty()) {
            changeRoles(mappings, remove, false, whose);
        }
        if (!add.isEmpty() || !remove.isEmpty()) {
            LOG.info(() -> "Keycloak " + whose + ": realm roles +" + add + " -" + remove);
        }
    }

    private void changeRoles(String mappings, java.util.Set<String> names, boolean add, String whose) {
        jakarta.json.JsonArrayBuilder roles = Jsons.createArrayBuilder();
        for (String name : names) {
            try (Response r = call(() -> admin("/roles/" + name).get())) {
                if (r.getStatus() != 200) {
                    throw unexpected("read realm role " + name, r);
                }
                roles.add(Jsons.createObjectBuilder().add("id", r.readEntity(JsonObject.class).getString("id"))
                        .add("name", name));
            }
        }
        String body = roles.build().toString();
        try (Response r = call(() -> add ? admin(mappings).post(Entity.json(body))
                : admin(mappings).property("jersey.config.client.suppressHttpComplianceValidation", true) // DELETE with a body
                        .build("DELETE", Entity.json(body)).invoke())) {
            if (r.getStatus() != 204) {
                throw unexpected((add ? "grant" : "take back") + " roles of " + whose, r);
            }
        }
    }

    private String serviceToken() {
        ServiceToken current = serviceToken;
        if (current != null && Instant.now().isBefore(current.renewAfter())) {
            return current.value();
        }
        Form form = new Form().param("grant_type", "client_credentials").param("client_id", settings.clientId())
                .param("client_secret", settings.clientSecret());
        try (Response r = call(() -> http.target(settings.tokenEndpoint()).request(MediaType.APPLICATION_JSON)
                .post(Entity.form(form)))) {
            if (r.getStatus() != 200) {
                throw unexpected("service-account token", r);
            }
            JsonObject t = r.readEntity(JsonObject.class);
            long lifetime = t.getJsonNumber("expires_in").longValue();
            ServiceToken fresh = new ServiceToken(t.getString("access_token"),
                    Instant.now().plusSeconds(Math.max(lifetime - 30, lifetime / 2)));
            serviceToken = fresh;
            return fresh.value();
        }
    }

    static Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            throw new UnavailableException("The identity provider is unreachable");
        }
    }

    static RuntimeException unexpected(String what, Response r) {
        String body = "";
        try {
            body = r.readEntity(String.class);
        } catch (RuntimeException ignored) {
            // nothing more to say
        }
        String detail = body.length() > 300 ? body.substring(0, 300) : body;
        LOG.warning(() -> "Keycloak answered HTTP " + r.getStatus() + " to " + what + ": " + detail);
        return new UnavailableException("The identity provider failed to " + what);
    }
}
