package io.convene.integration.camel;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling every provider route shares (a Camel route configuration without an id applies
 * to all routes): a provider's "too many requests" is retried three times after the delay it asked
 * for; anything else fails the exchange at once and goes back to the caller, whose JMS delivery then
 * rolls back and is retried by the broker with growing delays.
 */
public class ProviderErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(ProviderThrottledException.class)
                .maximumRedeliveries(3).redeliveryDelay(1000).retryAttemptedLogLevel(LoggingLevel.WARN);
    }

    /** Wraps a provider step so that a rate limit it meets sets the retry delay to the provider's Retry-After. */
    static Processor honouringRetryAfter(Processor step) {
        return exchange -> {
            try {
                step.process(exchange);
            } catch (ProviderThrottledException e) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, e.retryAfterSeconds() * 1000);
                throw e;
            }
        };
    }
}
