package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void messagesGoThroughWithoutAnAuditLineEach() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler keep = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(keep);
        Path dir = Files.createTempDirectory("broker");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedBroker ignored = EmbeddedBroker.start(dir, port, "convene", "secret");
             ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession("convene", "secret", false, true, true, false, 1)) {
            session.createQueue(QueueConfiguration.of("test.audit").setRoutingType(RoutingType.ANYCAST));
            session.start();
            for (int i = 0; i < 10; i++) {
                ClientMessage m = session.createMessage(true);
                m.getBodyBuffer().writeString("message " + i);
                session.createProducer("test.audit").send(m);
            }
            var consumer = session.createConsumer("test.audit");
            int received = 0;
            ClientMessage m;
            while ((m = consumer.receive(5_000)) != null) {
                m.acknowledge();
                received++;
                if (received == 10) {
                    break;
                }
            }
            assertThat(received).isEqualTo(10);
        } finally {
            root.removeHandler(keep);
        }
        assertThat(logged).as("the broker logged its start").anyMatch(r -> r.getLoggerName().startsWith("org.apache.activemq"));
        assertThat(logged).as("no audit line per message sent and consumed")
                .noneMatch(r -> r.getLoggerName().startsWith("org.apache.activemq.audit"));
    }
}
