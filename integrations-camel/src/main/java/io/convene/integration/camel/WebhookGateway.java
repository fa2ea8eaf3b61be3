package io.convene.integration.camel;

import io.convene.integration.WebhookCall;
import io.convene.integration.WebhookSender;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.util.Map;

/** The webhooks' port over Camel: one signed request through the webhook route. */
@Stateless
@Local(WebhookSender.class)
public class WebhookGateway implements WebhookSender {

    @EJB
    CamelRuntime camel;

    @Override
    public int call(WebhookCall call) {
        return camel.send(WebhookRoutes.ENDPOINT, call, Map.of()).getHeader(WebhookRoutes.STATUS, Integer.class);
    }
}
