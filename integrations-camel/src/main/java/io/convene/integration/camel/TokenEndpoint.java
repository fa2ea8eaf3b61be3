package io.convene.integration.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * One form POST to an OAuth token endpoint (Google's, Microsoft's), through the routes' connection
 * pool (public addresses only): a refused address is thrown as such, any HTTP answer is returned for
 * the caller to read.
 */
final class TokenEndpoint {

    private TokenEndpoint() {
    }

    /** @param name the endpoint's name in Camel's http component, for its logs and metrics */
    static Exchange post(CamelContext camel, String name, String url, String form) {
        Exchange done = SharedProducer.of(camel).send("http://" + name + "?throwExceptionOnFailure=false", x -> {
            x.getMessage().setHeader(Exchange.HTTP_URI, url);
            x.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            x.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            x.getMessage().setBody(form);
        });
        PublicAddressConnections.rethrowRefusal(done);
        return done;
    }
}
