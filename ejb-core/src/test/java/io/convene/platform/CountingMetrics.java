package io.convene.platform;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's metric registry for unit tests: counters by name (their tags set aside), and
 * nothing else; any other metric the code asks for fails the test. Written on {@link Proxy} (the
 * registry's interface is large; only its counters are used). {@link #productCounters()} counts here.
 */
public final class CountingMetrics {

    private final Map<String, KeptCounter> counters = new TreeMap<>();

    private final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(MetricRegistry.class.getClassLoader(),
            new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "counter" -> {
                    if (args == null || !(args[0] instanceof String name)) {
                        throw new UnsupportedOperationException("not faked: " + method);
                    }
                    yield counters.computeIfAbsent(name, n -> new KeptCounter());
                }
                case "toString" -> "CountingMetrics" + counters;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException("not faked: " + method);
            });

    public MetricRegistry registry() {
        return registry;
    }

    /** The platform's counters of what happens, counting here. */
    public ProductCounters productCounters() {
        return PlatformFixtures.productCounters(registry);
    }

    /** How often the counter of this name was increased (0: never asked for). */
    public long count(String name) {
        KeptCounter counter = counters.get(name);
        return counter == null ? 0 : counter.getCount();
    }

    private static final class KeptCounter implements Counter {

        private long count;

        @Override
        public void inc() {
            count++;
        }

        @Override
        public void inc(long n) {
            count += n;
        }

        @Override
        public long getCount() {
            return count;
        }

        @Override
        public String toString() {
            return Long.toString(count);
        }
    }
}
