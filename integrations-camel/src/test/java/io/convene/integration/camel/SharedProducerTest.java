package io.convene.integration.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

class SharedProducerTest {

    @Test
    void aThousandExchangesShareOneTemplateThatStopsWithCamel() throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outer").process(e -> e.getMessage().setBody(
                        SharedProducer.of(e.getContext()).requestBody("direct:inner", e.getMessage().getBody())));
                from("direct:inner").process(e -> e.getMessage().setBody(
                        System.identityHashCode(SharedProducer.of(e.getContext()))));
            }
        });
        camel.start();
        ProducerTemplate calls = SharedProducer.of(camel);
        long templates = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> calls.requestBody("direct:outer", i)).distinct().count();

        assertThat(templates).as("templates the routes used").isEqualTo(1);
        assertThat(SharedProducer.of(camel)).isSameAs(calls);

        camel.stop();
        assertThat(((ServiceSupport) calls).isStopped()).as("stopped with the context").isTrue();
    }
}
