package dev.appinstances.common;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops one known startup warning and nothing else: Quarkus 3.33 registers the reactive pool's
 * {@code postgresql.queue.size} gauge twice (quarkusio/quarkus#47504, fixed upstream after the
 * version this service is built on). Micrometer keeps the first registration, so the metric is
 * right; the warning only teaches operators to ignore warnings.
 */
@LoggingFilter(name = DuplicatePoolGaugeFilter.NAME)
public final class DuplicatePoolGaugeFilter implements Filter {

    public static final String NAME = "duplicate-pool-gauge";

    private static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(LOGGER.equals(record.getLoggerName())
                && record.getMessage() != null
                && record.getMessage().startsWith("This Gauge has been already registered")
                && record.getMessage().contains("'postgresql.queue.size'"));
    }
}
