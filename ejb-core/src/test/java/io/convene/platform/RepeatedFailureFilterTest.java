package io.convene.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** A repeated failure passes five times a minute with its stack trace; anything else always passes. */
class RepeatedFailureFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final RepeatedFailureFilter filter = new RepeatedFailureFilter(null, now::get);

    private static LogRecord failure(String message, Throwable cause) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("jakarta.enterprise.ejb.container");
        record.setThrown(new RuntimeException("wrapped", cause));
        return record;
    }

    @Test
    void theSameFailurePassesFiveTimesAMinuteAndOtherRecordsAlways() {
        int passed = 0;
        for (int i = 0; i < 100; i++) {
            passed += filter.isLoggable(failure("AS-EJB-00056", new ConnectException("Connection refused"))) ? 1 : 0;
        }
        assertThat(passed).isEqualTo(RepeatedFailureFilter.KEPT_PER_MINUTE);
        assertThat(filter.isLoggable(failure("AS-EJB-00056", new IllegalStateException("a bug")))).as("another cause").isTrue();
        assertThat(filter.isLoggable(failure("RAR5117", new ConnectException("Connection refused")))).as("another message").isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "no stack trace"))).isTrue();
        LogRecord info = failure("AS-EJB-00056", new ConnectException("Connection refused"));
        info.setLevel(Level.INFO);
        assertThat(filter.isLoggable(info)).as("below WARNING").isTrue();

        now.addAndGet(61_000_000_000L);
        assertThat(filter.isLoggable(failure("AS-EJB-00056", new ConnectException("Connection refused"))))
                .as("a minute later it passes again").isTrue();
    }

    @Test
    void whatTheHandlerFilteredStaysFiltered() {
        RepeatedFailureFilter wrapping = new RepeatedFailureFilter(r -> false, now::get);
        assertThat(wrapping.isLoggable(new LogRecord(Level.SEVERE, "refused by the handler's own filter"))).isFalse();
    }
}
