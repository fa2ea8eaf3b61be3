package io.convene.meeting;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * A metrics registry that keeps counters by name, for {@code platform.ProductCounters} in unit
 * tests: written by hand as a dynamic proxy (the registry's interface is large; only its counters
 * are used), answering anything else with an error.
 */
final class CountingMetrics {

    private final Map<String, long[]> counts = new HashMap<>();

    final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                if (method.getName().equals("counter") && args != null && args[0] instanceof String name) {
                    return counter(counts.computeIfAbsent(name, n -> new long[1]));
                }
                throw new UnsupportedOperationException("MetricRegistry." + method.getName());
            });

    long count(String name) {
        return counts.containsKey(name) ? counts.get(name)[0] : 0;
    }

    private Counter counter(long[] value) {
        return (Counter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "inc" -> {
                        value[0] += args == null ? 1 : (Long) args[0];
                        yield null;
                    }
                    case "getCount" -> value[0];
                    default -> throw new UnsupportedOperationException("Counter." + method.getName());
                });
    }
}
