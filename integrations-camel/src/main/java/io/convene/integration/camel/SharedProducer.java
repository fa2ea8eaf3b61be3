package io.convene.integration.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The one {@link ProducerTemplate} of a Camel context, for routes that call endpoints from inside a
 * processor (a calendar push is several HTTP calls). A template made per exchange and never stopped
 * keeps its producer cache, and whatever the producers hold, for as long as Camel runs (Camel's FAQ
 * warns of it); this one is made once and stopped with the context.
 */
final class SharedProducer {

    private static final String NAME = "convene.shared-producer";

    private SharedProducer() {
    }

    static ProducerTemplate of(CamelContext camel) {
        synchronized (camel) {
            ProducerTemplate template = camel.getRegistry().lookupByNameAndType(NAME, ProducerTemplate.class);
            if (template == null) {
                template = camel.createProducerTemplate();
                camel.getRegistry().bind(NAME, template);
                try {
                    camel.addService(template, true); // stopped when the context stops
                } catch (Exception e) {
                    throw new IllegalStateException("Camel would not take the shared producer", e);
                }
            }
            return template;
        }
    }
}
