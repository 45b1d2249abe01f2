package dev.appinstances.instance;

import dev.appinstances.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Counts instance operations by outcome: {@code app_instances_total{operation,outcome}}. */
@ApplicationScoped
public class InstanceMetrics {

    private final MeterRegistry registry;

    public InstanceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the operation's outcome: "ok", the problem type's status, or "error". */
    public <T> Uni<T> counted(String operation, Supplier<Uni<? extends T>> call) {
        return Uni.createFrom()
                .<T>deferred(call)
                .onItemOrFailure()
                .invoke(
                        (item, failure) ->
                                registry.counter(
                                                "app.instances",
                                                "operation",
                                                operation,
                                                "outcome",
                                                outcome(failure))
                                        .increment());
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        return failure instanceof ProblemException problem
                ? String.valueOf(problem.type().status())
                : "error";
    }
}
