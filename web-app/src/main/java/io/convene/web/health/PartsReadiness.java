package io.convene.web.health;

import io.convene.operations.PartsHealth;
import io.convene.operations.PartsHealth.Essential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database, Keycloak, the broker and the media server answer: one check named by
 * each part. A media server that is not configured counts as ready (meetings then run without
 * media). Not ready either while Convene's own beans are still starting. Readiness is public, so
 * nothing but each part's state is told.
 */
@ApplicationScoped
public class PartsReadiness {

    @Inject
    Instance<PartsHealth> health; // looked up when asked: the EJB module may start after this bean is made

    @Produces
    @Readiness
    HealthCheck database() {
        return check(Essential.DATABASE);
    }

    @Produces
    @Readiness
    HealthCheck keycloak() {
        return check(Essential.KEYCLOAK);
    }

    @Produces
    @Readiness
    HealthCheck broker() {
        return check(Essential.BROKER);
    }

    @Produces
    @Readiness
    HealthCheck media() {
        return check(Essential.MEDIA);
    }

    private HealthCheck check(Essential part) {
        return () -> {
            String name = part.name().toLowerCase(Locale.ROOT);
            try {
                PartsHealth.State state = health.get().state(part);
                return HealthCheckResponse.named(name).status(state != PartsHealth.State.DOWN).withData("state", state.name()).build();
            } catch (RuntimeException starting) { // Convene's beans are not in yet (they start after the WAR is deployed)
                return HealthCheckResponse.named(name).down().withData("state", "STARTING").build();
            }
        };
    }
}
