package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server Convene sends through ({@code convene.mail.*}): for its own mail, and given to
 * Keycloak's realm for the e-mail that verifies a self-registered address. Without a host, mail is off.
 */
@ApplicationScoped
public class MailServer {

    @Inject
    @ConfigProperty(name = "convene.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "convene.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "convene.mail.from", defaultValue = "Convene <no-reply@convene.example>")
    String from;

    @Inject
    @ConfigProperty(name = "convene.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "convene.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "convene.mail.starttls", defaultValue = "false")
    boolean startTls;

    public boolean enabled() {
        return host.isPresent() && !host.get().isBlank();
    }

    /** The host; only when {@link #enabled()}. */
    public String host() {
        return host.orElseThrow(() -> new IllegalStateException("Mail is off: set convene.mail.host"));
    }

    public int port() {
        return port;
    }

    /** The sender, as configured: an address, or a name with the address in angle brackets. */
    public String from() {
        return from;
    }

    /** The user to authenticate as, when the server asks for one. */
    public Optional<String> user() {
        return user.filter(u -> !u.isBlank());
    }

    public String password() {
        return password.orElse("");
    }

    public boolean startTls() {
        return startTls;
    }
}
