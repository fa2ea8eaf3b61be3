package io.convene.sso;

import io.convene.notification.MailServer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak sends the e-mail that verifies a self-registered address, so the realm needs an SMTP
 * server: at start, Convene puts its own ({@code convene.mail.*}) into the realm's
 * {@code smtpServer}, so one setting serves both. Without {@code convene.mail.host}, or with
 * {@code convene.keycloak.manage-smtp=false}, the realm's own settings stay. When Keycloak cannot be
 * reached at start, it tries again before the next verification e-mail is asked for.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeycloakRealmMail {

    private static final Logger LOG = Logger.getLogger(KeycloakRealmMail.class.getName());
    private static final Pattern NAMED = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$");

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    @ConfigProperty(name = "convene.keycloak.manage-smtp", defaultValue = "true")
    boolean manage;

    @Inject
    MailServer server;

    private volatile boolean done;

    @PostConstruct
    void start() {
        if (!manage || !server.enabled()) {
            done = true;
            LOG.info(() -> "Keycloak's SMTP server left as the realm has it (" + (manage ? "convene.mail.host is not set"
                    : "convene.keycloak.manage-smtp=false") + ")");
            return;
        }
        ensure();
    }

    /** Gives the realm Convene's SMTP server, unless that has been done since the start. */
    public void ensure() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            try {
                // with mail to send it, "Forgot password?" on Keycloak's sign-in page: its own reset e-mail and flow
                String body = Jsons.createObjectBuilder().add("smtpServer", smtpServer()).add("resetPasswordAllowed", true)
                        .build().toString();
                try (Response r = KeycloakAdmin.call(() -> keycloak.admin("").put(Entity.json(body)))) {
                    if (r.getStatus() != 204) {
                        throw KeycloakAdmin.unexpected("set the realm's SMTP server", r);
                    }
                }
                done = true;
                LOG.info(() -> "Keycloak sends its e-mail through " + server.host() + ":" + server.port()
                        + "; \"Forgot password?\" is on its sign-in page");
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not give Keycloak the SMTP server (" + e.getMessage()
                        + "); trying again before the next verification e-mail");
            }
        }
    }

    private JsonObjectBuilder smtpServer() {
        Matcher named = NAMED.matcher(server.from());
        String address = named.matches() ? named.group(2).trim() : server.from().trim();
        String display = named.matches() ? named.group(1).trim() : "";
        JsonObjectBuilder smtp = Jsons.createObjectBuilder().add("host", server.host()).add("port", String.valueOf(server.port()))
                .add("from", address).add("fromDisplayName", display).add("ssl", "false")
                .add("starttls", String.valueOf(server.startTls())).add("auth", String.valueOf(server.user().isPresent()));
        server.user().ifPresent(user -> smtp.add("user", user).add("password", server.password()));
        return smtp;
    }
}
