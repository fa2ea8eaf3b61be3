package io.convene.notification;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import io.convene.shared.QueueMessages;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The port to the message broker for unit tests: a {@link JMSContext} that keeps what was sent, in
 * order, per queue, instead of sending it; or refuses every send as a broker that is away does. It
 * answers only what the senders of Convene use (a queue by name, a producer, persistent text
 * messages); anything else throws, so a sender that starts using more is noticed. Written on
 * {@link Proxy} so that the fifty methods of the JMS interfaces nobody calls need not be spelled out.
 */
public final class RecordingBroker {

    /** One message sent: to which queue, its text, and the delivery mode the producer was given (0: none). */
    public record Sent(String queue, String body, int deliveryMode) {

        /** Whether the sender asked for a persistent message. */
        public boolean persistent() {
            return deliveryMode == DeliveryMode.PERSISTENT;
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private boolean away;

    /** From now on every send fails as it does with the broker unreachable. */
    public void goAway() {
        away = true;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The texts sent to one queue, in order. */
    public List<String> on(String queue) {
        return sent.stream().filter(s -> s.queue().equals(queue)).map(Sent::body).toList();
    }

    /** The notices on the notices queue, read back as their consumer reads them. */
    public List<Notice> noticesSent() {
        return on(Notices.QUEUE).stream().map(m -> QueueMessages.read(m, Notice.class)).toList();
    }

    /** The real {@link Notices}, publishing here, at {@code clock}. */
    public Notices notices(Clock clock) {
        Notices notices = new Notices();
        notices.jms = context();
        notices.clock = clock;
        return notices;
    }

    public JMSContext context() {
        return proxy(JMSContext.class, (self, method, args) -> switch (method.getName()) {
            case "createQueue" -> queue((String) args[0]);
            case "createProducer" -> producer();
            case "toString" -> "RecordingBroker";
            default -> throw new UnsupportedOperationException("JMSContext." + method.getName() + " is not faked");
        });
    }

    private static Queue queue(String name) {
        return proxy(Queue.class, (self, method, args) -> switch (method.getName()) {
            case "getQueueName", "toString" -> name;
            default -> throw new UnsupportedOperationException("Queue." + method.getName() + " is not faked");
        });
    }

    private JMSProducer producer() {
        int[] mode = {0}; // 0: not set
        return proxy(JMSProducer.class, (self, method, args) -> {
            switch (method.getName()) {
                case "setDeliveryMode" -> {
                    mode[0] = (Integer) args[0];
                    return self;
                }
                case "send" -> {
                    if (args.length != 2 || !(args[1] instanceof String body)) {
                        throw new UnsupportedOperationException("only text messages are faked");
                    }
                    if (away) {
                        throw new JMSRuntimeException("broker unreachable (test)");
                    }
                    sent.add(new Sent(((Queue) args[0]).getQueueName(), body, mode[0]));
                    return self;
                }
                default -> throw new UnsupportedOperationException("JMSProducer." + method.getName() + " is not faked");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        InvocationHandler withIdentity = (self, method, args) -> switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> handler.invoke(self, method, args);
        };
        return (T) Proxy.newProxyInstance(RecordingBroker.class.getClassLoader(), new Class<?>[] {type}, withIdentity);
    }
}
