package dev.appinstances.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class DuplicatePoolGaugeFilterTest {

    private final DuplicatePoolGaugeFilter filter = new DuplicatePoolGaugeFilter();

    @Test
    void dropsOnlyTheDuplicatePoolQueueGaugeWarning() {
        assertThat(
                        filter.isLoggable(
                                record(
                                        "io.micrometer.core.instrument.MeterRegistry",
                                        gauge("postgresql.queue.size"))))
                .isFalse();
    }

    @Test
    void keepsTheSameWarningForAnyOtherMeter() {
        assertThat(
                        filter.isLoggable(
                                record(
                                        "io.micrometer.core.instrument.MeterRegistry",
                                        gauge("app_instances_total"))))
                .isTrue();
    }

    @Test
    void keepsTheSameTextFromAnyOtherLogger() {
        assertThat(
                        filter.isLoggable(
                                record(
                                        "dev.appinstances.Anything",
                                        gauge("postgresql.queue.size"))))
                .isTrue();
    }

    @Test
    void keepsRecordsWithoutAMessage() {
        assertThat(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry", null)))
                .isTrue();
    }

    private static String gauge(String name) {
        return "This Gauge has been already registered (MeterId{name='"
                + name
                + "', tags=[tag(clientName=<default>),tag(clientType=sql)]}), the registration will"
                + " be ignored.";
    }

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }
}
