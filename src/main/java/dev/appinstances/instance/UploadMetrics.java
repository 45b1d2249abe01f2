package dev.appinstances.instance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Meters of streamed uploads: bytes and parts received, sizes of stored data elements. */
@ApplicationScoped
public class UploadMetrics {

    private final MeterRegistry registry;
    private final Counter multipartBytes;
    private final DistributionSummary elementSizes;

    public UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.multipartBytes =
                Counter.builder("app.multipart.received")
                        .baseUnit("bytes")
                        .description("Bytes of multipart bodies received")
                        .register(registry);
        this.elementSizes =
                DistributionSummary.builder("app.data.element.size")
                        .baseUnit("bytes")
                        .description("Sizes of stored data elements")
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .register(registry);
    }

    public void multipartBytes(long bytes) {
        multipartBytes.increment(bytes);
    }

    public void multipartPart(String partName) {
        registry.counter("app.multipart.parts", "part", partName).increment();
    }

    public void storedElement(long size) {
        elementSizes.record(size);
    }
}
