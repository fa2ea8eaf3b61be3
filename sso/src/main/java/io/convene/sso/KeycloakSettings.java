package io.convene.sso;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Keycloak is and how Convene's backend client authenticates to it. */
@ApplicationScoped
public class KeycloakSettings {

    @Inject
    @ConfigProperty(name = "convene.keycloak.url", defaultValue = "http://127.0.0.1:8180")
    String url;

    @Inject
    @ConfigProperty(name = "convene.keycloak.realm", defaultValue = "convene")
    String realm;

    @Inject
    @ConfigProperty(name = "convene.keycloak.backend-client-id", defaultValue = "convene-backend")
    String clientId;

    @Inject
    @ConfigProperty(name = "convene.keycloak.backend-client-secret")
    String clientSecret;

    /** The realm's signing keys (JWKS). */
    String certsEndpoint() {
        return certsEndpoint(url, realm);
    }

    static String certsEndpoint(String url, String realm) {
        return url + "/realms/" + realm + "/protocol/openid-connect/certs";
    }

    /** The realm's OpenID discovery document: Keycloak answers it when the realm is there. */
    String discoveryEndpoint() {
        return url + "/realms/" + realm + "/.well-known/openid-configuration";
    }

    /** Where Keycloak and the realm are, in words. */
    String whereabouts() {
        return "realm " + realm + " at " + url;
    }

    String url() {
        return url;
    }

    String tokenEndpoint() {
        return url + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    String adminBase() {
        return url + "/admin/realms/" + realm;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }
}
