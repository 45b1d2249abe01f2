package dev.appinstances.events;

import dev.appinstances.common.StorableText;
import dev.appinstances.common.Timestamps;
import dev.appinstances.instance.InstanceEventTypes;
import dev.appinstances.problem.InvalidQueryParameterException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the query parameters of an event listing. An unknown parameter, a repeated single-valued
 * one, an event type Altinn does not have, or a malformed value is a 400 that names it.
 */
final class EventLogQueryParser {

    static final String EVENT_TYPES = "eventTypes";
    static final String FROM = "from";
    static final String TO = "to";
    static final String ORDER = "order";
    static final String SIZE = "size";
    static final String CONTINUATION_TOKEN = "continuationToken";
    static final String ASCENDING = "asc:created";
    static final String DESCENDING = "desc:created";

    private static final Set<String> KNOWN =
            Set.of(EVENT_TYPES, FROM, TO, ORDER, SIZE, CONTINUATION_TOKEN);

    private final int defaultSize;
    private final int maxSize;
    private final boolean ascendingByDefault;

    EventLogQueryParser(int defaultSize, int maxSize, boolean ascendingByDefault) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
        this.ascendingByDefault = ascendingByDefault;
    }

    EventLogQuery parse(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (!KNOWN.contains(name)) {
                throw new InvalidQueryParameterException(
                        name, "Unknown query parameter '" + name + "'");
            }
            for (String value : entry.getValue()) {
                String problem = StorableText.problem(value);
                if (problem != null) {
                    throw new InvalidQueryParameterException(
                            name, "Query parameter " + name + " " + problem);
                }
            }
            if (!EVENT_TYPES.equals(name) && entry.getValue().size() > 1) {
                throw new InvalidQueryParameterException(
                        name, "Query parameter " + name + " may be given only once");
            }
        }
        return new EventLogQuery(
                types(parameters.getOrDefault(EVENT_TYPES, List.of())),
                instant(parameters, FROM),
                instant(parameters, TO),
                ascending(single(parameters, ORDER)),
                size(single(parameters, SIZE)),
                single(parameters, CONTINUATION_TOKEN));
    }

    /** Repeated, or comma-separated; exact names; an empty value asks for nothing in particular. */
    private static Set<String> types(List<String> values) {
        Set<String> types = new LinkedHashSet<>();
        for (String value : values) {
            for (String name : value.split(",", -1)) {
                String type = name.trim();
                if (type.isEmpty()) {
                    continue;
                }
                if (!InstanceEventTypes.ALTINN.contains(type)) {
                    throw new InvalidQueryParameterException(
                            EVENT_TYPES,
                            "eventTypes: unknown event type '" + type + "'" + hint(type));
                }
                types.add(type);
            }
        }
        return types;
    }

    private static String hint(String type) {
        return InstanceEventTypes.ALTINN.stream()
                .filter(known -> known.equalsIgnoreCase(type))
                .findFirst()
                .map(known -> "; names are case-sensitive: did you mean '" + known + "'?")
                .orElse("");
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        if (value == null || value.isEmpty()) {
            throw new InvalidQueryParameterException(
                    name, "Query parameter " + name + " has an empty value");
        }
        return value;
    }

    private static Instant instant(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        return Timestamps.parse(value)
                .orElseThrow(
                        () ->
                                new InvalidQueryParameterException(
                                        name,
                                        "Query parameter "
                                                + name
                                                + " must be "
                                                + Timestamps.EXPECTED
                                                + " (a + in an offset sent as %2B), was '"
                                                + value
                                                + "'"));
    }

    private boolean ascending(String order) {
        if (order == null) {
            return ascendingByDefault;
        }
        if (order.equals(ASCENDING) || order.equals(DESCENDING)) {
            return order.equals(ASCENDING);
        }
        throw new InvalidQueryParameterException(
                ORDER,
                "Query parameter order must be "
                        + ASCENDING
                        + " or "
                        + DESCENDING
                        + ", was '"
                        + order
                        + "'");
    }

    private int size(String size) {
        if (size == null) {
            return defaultSize;
        }
        int value;
        try {
            value = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > maxSize) {
            throw new InvalidQueryParameterException(
                    SIZE,
                    "Query parameter size must be an integer from 1 to "
                            + maxSize
                            + ", was '"
                            + size
                            + "'");
        }
        return value;
    }
}
