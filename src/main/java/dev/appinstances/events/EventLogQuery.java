package dev.appinstances.events;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A listing of an instance's events: the types asked for (all when empty), the inclusive bounds on
 * {@code created} (each optional), the order, the page size and where the previous page ended.
 */
record EventLogQuery(
        Set<String> types,
        Instant from,
        Instant to,
        boolean ascending,
        int size,
        String continuationToken) {

    /** What a continuation token is bound to: everything but the size and the token itself. */
    String fingerprint(String instanceId) {
        return String.join(
                "\n",
                instanceId,
                String.join(",", new TreeSet<>(types)),
                String.valueOf(from),
                String.valueOf(to),
                ascending ? "asc" : "desc");
    }
}
