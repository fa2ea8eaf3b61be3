package io.convene.chat;

import io.convene.platform.ProductCounters;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's metric registry for unit tests: counters by name (their tags set aside), and
 * nothing else; any other metric the code asks for fails the test. A real {@link ProductCounters}
 * counts into it.
 */
final class CountedMetrics {

    private final Map<String, CountedCounter> counters = new TreeMap<>();

    private final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(MetricRegistry.class.getClassLoader(),
            new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                if (method.getName().equals("counter") && args != null && args[0] instanceof String name) {
                    return counters.computeIfAbsent(name, n -> new CountedCounter());
                }
                if (method.getName().equals("toString") && args == null) {
                    return "CountedMetrics" + counters;
                }
                throw new UnsupportedOperationException("not faked: " + method);
            });

    /** The platform's counters of what happens, counting here. */
    ProductCounters productCounters() {
        return Injection.into(new ProductCounters(), "metrics", registry);
    }

    long count(String name) {
        CountedCounter counter = counters.get(name);
        return counter == null ? 0 : counter.getCount();
    }

    private static final class CountedCounter implements Counter {

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
