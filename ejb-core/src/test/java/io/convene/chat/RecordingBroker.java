package io.convene.chat;

import io.convene.notification.Notice;
import io.convene.notification.Notices;
import io.convene.shared.QueueMessages;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The message broker for unit tests: keeps the text messages producers send, with their queue and
 * delivery mode; anything else asked of it fails the test. A real {@link Notices} publishes to it.
 */
final class RecordingBroker {

    /** One message as it went to the broker ({@code deliveryMode} 0: not set). */
    record Sent(String queue, String body, int deliveryMode) {
    }

    private record NamedQueue(String getQueueName) implements Queue {
    }

    private final List<Sent> sent = new ArrayList<>();

    private final JMSContext context = proxy(JMSContext.class, (method, args) -> switch (method) {
        case "createQueue" -> new NamedQueue((String) args[0]);
        case "createProducer" -> producer();
        default -> null;
    });

    /** Notices publishing here, at the test's clock. */
    Notices notices(Clock clock) {
        Notices notices = new Notices();
        Injection.into(notices, "jms", context);
        return Injection.into(notices, "clock", clock);
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The notices on the notices queue, read back as their consumer reads them. */
    List<Notice> notices() {
        return sent.stream().filter(s -> s.queue().equals(Notices.QUEUE))
                .map(s -> QueueMessages.read(s.body(), Notice.class)).toList();
    }

    private JMSProducer producer() {
        int[] mode = {0}; // 0: the producer's default, not set
        JMSProducer[] self = new JMSProducer[1];
        self[0] = proxy(JMSProducer.class, (method, args) -> switch (method) {
            case "setDeliveryMode" -> {
                mode[0] = (Integer) args[0];
                yield self[0];
            }
            case "send" -> {
                if (args.length != 2 || !(args[0] instanceof Queue queue) || !(args[1] instanceof String body)) {
                    yield null;
                }
                sent.add(new Sent(queue.getQueueName(), body, mode[0]));
                yield self[0];
            }
            default -> null;
        });
        return self[0];
    }

    private interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    /** An implementation of {@code type} that answers what {@code handler} answers, and refuses what it answers null to. */
    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object answer = handler.handle(method.getName(), args);
            if (answer == null) {
                throw new UnsupportedOperationException("not faked: " + method);
            }
            return answer;
        }));
    }
}
