package io.convene.integration.camel;

import io.convene.integration.WebhookCall;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Outgoing webhooks: POST the JSON body to the endpoint with
 * {@code Convene-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint's secret>},
 * {@code Convene-Event} and {@code Convene-Delivery} (the same id on every retry, for the receiver to
 * drop duplicates). 2xx is done; 429 waits its Retry-After (three times at most); anything else fails.
 */
public class WebhookRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:webhook";
    static final String STATUS = "conveneStatus";

    private final Clock clock;

    public WebhookRoutes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("webhook")
                .process(e -> {
                    WebhookCall call = e.getMessage().getBody(WebhookCall.class);
                    long t = clock.instant().getEpochSecond();
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(Exchange.HTTP_URI, call.url());
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                    e.getMessage().setHeader("Convene-Signature", "t=" + t + ",v1=" + sign(call.secret(), t, call.body()));
                    e.getMessage().setHeader("Convene-Event", call.event());
                    e.getMessage().setHeader("Convene-Delivery", call.deliveryId().toString());
                    e.getMessage().setBody(call.body());
                })
                .to("http://webhook?throwExceptionOnFailure=false&connectTimeout=10000&responseTimeout=15000")
                .process(ProviderErrorHandling.honouringRetryAfter(WebhookRoutes::check));
    }

    /** The hex HMAC-SHA256 of {@code "<t>.<body>"}: what a receiver computes to check the payload. */
    public static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void check(Exchange e) {
        int status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == 429) {
            long seconds = ProviderThrottledException.retryAfterSeconds(e.getMessage().getHeader("Retry-After", String.class));
            throw new ProviderThrottledException("Webhook endpoint rate limit: retry after " + seconds + " s", seconds);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("The endpoint answered HTTP " + status);
        }
        e.getMessage().setHeader(STATUS, status);
    }
}
