package io.convene.integration;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * MicroProfile Config for unit tests, through its own hook ({@link ConfigProviderResolver#setInstance}):
 * text properties from a map, for what reads configuration statically
 * ({@link OutboundAddresses#configured()}). {@link #remove()} puts back whatever was there.
 */
final class TestConfig extends ConfigProviderResolver implements Config {

    private final Map<String, String> values;

    private TestConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static void use(Map<String, String> values) {
        ConfigProviderResolver.setInstance(new TestConfig(values));
    }

    static void remove() {
        ConfigProviderResolver.setInstance(null);
    }

    @Override
    public Config getConfig() {
        return this;
    }

    @Override
    public Config getConfig(ClassLoader loader) {
        return this;
    }

    @Override
    public ConfigBuilder getBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void releaseConfig(Config config) {
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
            throw new UnsupportedOperationException("only text properties are faked");
        }
        return Optional.ofNullable(type.cast(values.get(name)));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
