package io.convene.platform;

/**
 * The activation settings every queue consumer (message-driven bean) shares, in one place: Java
 * annotations cannot take a shared configuration, only constants, so each consumer names these and
 * adds its own queue and number of sessions.
 *
 * <p>Consumers ride out a broker restart of any length: they reconnect and set up again without
 * end, every 2 s. Senders do not: they give up after about 3 s (the resource adapter's own settings,
 * ra.xml), so a request that would queue a message answers 503 instead of hanging.
 */
public final class QueueConsumers {

    public static final String DESTINATION_TYPE = "jakarta.jms.Queue";

    /** The broker's resource adapter, by the name it is deployed under (launcher, container image, EAR). */
    public static final String RESOURCE_ADAPTER = "artemis-rar";

    /** Queue names are the broker's, not JNDI names. */
    public static final String USE_JNDI = "false";

    public static final String RECONNECT_ATTEMPTS = "-1";

    public static final String SETUP_ATTEMPTS = "-1";

    public static final String SETUP_INTERVAL_MILLIS = "2000";

    private QueueConsumers() {
    }
}
