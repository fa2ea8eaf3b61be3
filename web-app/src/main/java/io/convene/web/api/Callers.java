package io.convene.web.api;

import io.convene.shared.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, as its verified bearer token describes them. */
@RequestScoped
public class Callers {

    @Inject
    SecurityContext security;

    /** The signed-in caller; a request without a verified token is refused with 401. */
    public Caller current() {
        return optional().orElseThrow(() -> new NotAuthorizedException("Bearer"));
    }

    /** The signed-in caller, if the request carries a verified token. */
    public Optional<Caller> optional() {
        if (!(security.getCallerPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return Optional.empty();
        }
        return Optional.of(of(jwt));
    }

    /** The caller a verified token describes (also for WebSockets, which have no JAX-RS context). */
    public static Caller of(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return new Caller(jwt.getSubject(), jwt.getClaim("name"), jwt.getClaim("email"), groups, jwt.getClaim("sid"),
                isTrue(jwt.getClaim("email_verified")));
    }

    /** A boolean claim, as JSON-P's true or a Boolean, depending on the MP-JWT implementation. */
    private static boolean isTrue(Object claim) {
        return claim == jakarta.json.JsonValue.TRUE || Boolean.TRUE.equals(claim) || "true".equals(String.valueOf(claim));
    }

    /**
     * For public endpoints: the caller if a token was sent. A token that was sent must be valid; a
     * bad one is a 401, not an anonymous caller.
     */
    public Optional<Caller> presented(String authorizationHeader) {
        Optional<Caller> caller = optional();
        if (caller.isEmpty() && authorizationHeader != null) {
            throw new NotAuthorizedException("Bearer");
        }
        return caller;
    }
}
