package io.convene.integration.camel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import io.convene.integration.IntegrationFailedException;
import io.convene.integration.OutboundAddresses;
import io.convene.integration.OutboundCallRefusedException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Camel context of Convene's integrations: started with the application, beside the rest of its
 * start (making the context and its routes took 2-4 s of the deployment), stopped with it. A call
 * that comes before the context is up waits for it; one that comes after it failed to start fails
 * as an outside service that cannot be reached does (retried, then recorded on the connection).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // Camel is thread-safe: no container lock around sends
public class CamelRuntime {

    private static final Logger LOG = Logger.getLogger(CamelRuntime.class.getName());

    @Inject
    @ConfigProperty(name = "convene.slack.api-url", defaultValue = "https://slack.com/api")
    String slackApiUrl;

    @Inject
    @ConfigProperty(name = "convene.google.api-url", defaultValue = "https://www.googleapis.com/calendar/v3")
    String googleApiUrl;

    @Inject
    @ConfigProperty(name = "convene.google.token-url", defaultValue = "https://oauth2.googleapis.com/token")
    String googleTokenUrl;

    @Inject
    @ConfigProperty(name = "convene.google.client-id")
    java.util.Optional<String> googleClientId;

    @Inject
    @ConfigProperty(name = "convene.google.client-secret")
    java.util.Optional<String> googleClientSecret;

    @Inject
    @ConfigProperty(name = "convene.microsoft.graph-url", defaultValue = "https://graph.microsoft.com/v1.0")
    String graphUrl;

    @Inject
    @ConfigProperty(name = "convene.microsoft.login-url", defaultValue = "https://login.microsoftonline.com")
    String microsoftLoginUrl;

    @Inject
    @ConfigProperty(name = "convene.microsoft.tenant")
    java.util.Optional<String> microsoftTenant;

    @Inject
    @ConfigProperty(name = "convene.microsoft.client-id")
    java.util.Optional<String> microsoftClientId;

    @Inject
    @ConfigProperty(name = "convene.microsoft.client-secret")
    java.util.Optional<String> microsoftClientSecret;

    @Inject
    @ConfigProperty(name = OutboundAddresses.SETTING)
    java.util.Optional<String> allowedRanges;

    /** How long a call made while the context starts waits for it. */
    private static final long START_WAIT_SECONDS = 60;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private CompletableFuture<Started> started;

    /** A context that runs, and the producer that sends to it. */
    private record Started(CamelContext camel, ProducerTemplate producer) {
    }

    @PostConstruct
    void start() {
        started = CompletableFuture.supplyAsync(this::startContext, executor);
        started.exceptionally(e -> {
            LOG.log(Level.SEVERE, "Camel integrations did not start: calls to Slack, Teams, calendars and webhooks fail", e);
            return null;
        });
    }

    private Started startContext() {
        long t0 = System.nanoTime();
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("convene-integrations");
        // HttpClient must not retry (and sleep on Retry-After) by itself: the routes decide, and say so
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        // every call out (webhooks, Slack, Teams, Google, Microsoft) connects to permitted addresses only
        OutboundAddresses outbound = OutboundAddresses.allowing(allowedRanges.orElse(""));
        org.apache.hc.client5.http.io.HttpClientConnectionManager connections = PublicAddressConnections.pool(outbound);
        camel.getComponent("http", HttpComponent.class).setClientConnectionManager(connections);
        camel.getComponent("https", HttpComponent.class).setClientConnectionManager(connections);
        try {
            camel.addRoutes(new ProviderErrorHandling());
            camel.addRoutes(new SlackRoutes(slackApiUrl));
            camel.addRoutes(new TeamsRoutes());
            camel.addRoutes(new GoogleCalendarRoutes(googleApiUrl, googleTokenUrl, googleClientId, googleClientSecret,
                    java.time.Clock.systemUTC()));
            camel.addRoutes(new GraphCalendarRoutes(graphUrl, microsoftLoginUrl, microsoftTenant, microsoftClientId,
                    microsoftClientSecret, java.time.Clock.systemUTC()));
            camel.addRoutes(new WebhookRoutes(java.time.Clock.systemUTC()));
            camel.addRoutes(new CalendarConsentRoutes(googleTokenUrl, googleClientId, googleClientSecret, microsoftLoginUrl,
                    microsoftTenant, microsoftClientId, microsoftClientSecret));
        } catch (Exception e) {
            throw new IllegalStateException("Camel routes could not be added", e);
        }
        camel.start();
        LOG.info(() -> "Camel integrations started in " + (System.nanoTime() - t0) / 1_000_000 + " ms (Slack at "
                + slackApiUrl + "; outbound calls to public addresses" + allowedRanges.map(r -> " and " + r).orElse("") + ")");
        return new Started(camel, SharedProducer.of(camel));
    }

    @PreDestroy
    void stop() {
        try {
            started.get(START_WAIT_SECONDS, TimeUnit.SECONDS).camel().stop();
        } catch (ExecutionException | TimeoutException notStarted) {
            // nothing to stop: its failure was logged when it happened
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The context once it runs; a call fails as an unreachable service would if it does not. */
    private Started running() {
        try {
            return started.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IntegrationFailedException("Camel integrations did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IntegrationFailedException("Camel integrations not started after " + START_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationFailedException("Interrupted while Camel integrations start", e);
        }
    }

    /**
     * Sends a body with headers to a route and waits for it; answers the route's outcome message, a
     * failure comes back with the route's reason, a refused address as it is (not to be retried).
     */
    public org.apache.camel.Message send(String endpoint, Object body, java.util.Map<String, Object> headers) {
        try {
            org.apache.camel.Exchange done = running().producer().send(endpoint, e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            });
            if (done.getException() != null) {
                throw org.apache.camel.CamelExecutionException.wrapCamelExecutionException(done, done.getException());
            }
            return done.getMessage();
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            OutboundCallRefusedException refused = PublicAddressConnections.refusalIn(cause);
            if (refused != null) {
                throw refused;
            }
            throw new IntegrationFailedException(String.valueOf(cause.getMessage()), cause);
        }
    }
}
