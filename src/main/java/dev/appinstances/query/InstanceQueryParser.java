package dev.appinstances.query;

import dev.appinstances.common.StorableText;
import dev.appinstances.problem.InvalidQueryParameterException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the query parameters of {@code GET /storage/api/v1/instances}; names match ignoring case.
 * Every malformed value, an unknown parameter name, or a repeated single-valued parameter (also
 * when sent in two cases) is a 400 that names the parameter.
 */
public final class InstanceQueryParser {

    static final String APP_ID = "appId";
    static final String ORG = "org";
    static final String PARTY_ID = "instanceOwner.partyId";
    static final String CURRENT_TASK = "process.currentTask";
    static final String IS_COMPLETE = "process.isComplete";
    static final String PROCESS_ENDED = "process.ended";
    static final String LAST_CHANGED = "lastChanged";
    static final String CREATED = "created";
    static final String DUE_BEFORE = "dueBefore";
    static final String VISIBLE_AFTER = "visibleAfter";
    static final String IS_ARCHIVED = "status.isArchived";
    static final String IS_SOFT_DELETED = "status.isSoftDeleted";
    static final String IS_HARD_DELETED = "status.isHardDeleted";
    static final String EXCLUDE_CONFIRMED_BY = "excludeConfirmedBy";
    static final String CONFIRMED = "confirmed";
    static final String SEARCH_STRING = "searchString";
    static final String ORDER = "order";
    static final String SIZE = "size";
    static final String CONTINUATION_TOKEN = "continuationToken";

    /** Date parameters may be repeated; the expressions are combined with AND. */
    static final Set<String> DATE_PARAMETERS =
            Set.of(PROCESS_ENDED, LAST_CHANGED, CREATED, DUE_BEFORE, VISIBLE_AFTER);

    static final Set<String> SINGLE_PARAMETERS =
            Set.of(
                    APP_ID,
                    ORG,
                    PARTY_ID,
                    CURRENT_TASK,
                    IS_COMPLETE,
                    IS_ARCHIVED,
                    IS_SOFT_DELETED,
                    IS_HARD_DELETED,
                    EXCLUDE_CONFIRMED_BY,
                    CONFIRMED,
                    SEARCH_STRING,
                    ORDER,
                    SIZE,
                    CONTINUATION_TOKEN);

    static final int MAX_TEXT_LENGTH = 256;
    static final int MAX_DATE_EXPRESSIONS = 10;

    private final int defaultSize;
    private final int maxSize;

    public InstanceQueryParser(int defaultSize, int maxSize) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    /** Every parameter name, by its lower-case form: names match ignoring case, as in Storage. */
    private static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String name : DATE_PARAMETERS) {
            names.put(name.toLowerCase(Locale.ROOT), name);
        }
        for (String name : SINGLE_PARAMETERS) {
            names.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(names);
    }

    public InstanceQuery parse(Map<String, List<String>> sent) {
        Map<String, List<String>> parameters = byCanonicalName(sent);
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            String name = entry.getKey();
            for (String value : entry.getValue()) {
                String problem = StorableText.problem(value);
                if (problem != null) {
                    throw new InvalidQueryParameterException(
                            name, "Query parameter " + name + " " + problem);
                }
            }
            if (SINGLE_PARAMETERS.contains(name) && entry.getValue().size() > 1) {
                throw new InvalidQueryParameterException(
                        name, "Query parameter " + name + " may be given only once");
            }
            if (DATE_PARAMETERS.contains(name) && entry.getValue().size() > MAX_DATE_EXPRESSIONS) {
                throw new InvalidQueryParameterException(
                        name,
                        "Query parameter "
                                + name
                                + " may be given at most "
                                + MAX_DATE_EXPRESSIONS
                                + " times");
            }
        }
        return new InstanceQuery(
                text(parameters, APP_ID),
                text(parameters, ORG),
                partyId(parameters),
                text(parameters, CURRENT_TASK),
                bool(parameters, IS_COMPLETE),
                dates(parameters, PROCESS_ENDED),
                dates(parameters, LAST_CHANGED),
                dates(parameters, CREATED),
                dates(parameters, DUE_BEFORE),
                dates(parameters, VISIBLE_AFTER),
                bool(parameters, IS_ARCHIVED),
                bool(parameters, IS_SOFT_DELETED),
                bool(parameters, IS_HARD_DELETED),
                text(parameters, EXCLUDE_CONFIRMED_BY),
                bool(parameters, CONFIRMED),
                text(parameters, SEARCH_STRING),
                order(parameters),
                size(parameters),
                text(parameters, CONTINUATION_TOKEN));
    }

    /**
     * The parameters under their own names, whatever the case they were sent in; the values of one
     * name sent in several cases are merged (ASP.NET's binding does the same). An unknown name is
     * 400, named as sent.
     */
    static Map<String, List<String>> byCanonicalName(Map<String, List<String>> sent) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : sent.entrySet()) {
            String name = NAMES.get(entry.getKey().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new InvalidQueryParameterException(
                        entry.getKey(), "Unknown query parameter '" + entry.getKey() + "'");
            }
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).addAll(entry.getValue());
        }
        return parameters;
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

    private static String text(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value != null && value.length() > MAX_TEXT_LENGTH && !CONTINUATION_TOKEN.equals(name)) {
            throw new InvalidQueryParameterException(
                    name,
                    "Query parameter "
                            + name
                            + " is longer than "
                            + MAX_TEXT_LENGTH
                            + " characters");
        }
        return value;
    }

    private static Boolean bool(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new InvalidQueryParameterException(
                name, "Query parameter " + name + " must be true or false, was '" + value + "'");
    }

    private static Long partyId(Map<String, List<String>> parameters) {
        String value = single(parameters, PARTY_ID);
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
            throw new InvalidQueryParameterException(
                    PARTY_ID,
                    "Query parameter "
                            + PARTY_ID
                            + " must be a positive party id, was '"
                            + value
                            + "'");
        }
        return Long.parseLong(value);
    }

    private static List<DateExpression> dates(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        List<DateExpression> expressions = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) {
                throw new InvalidQueryParameterException(
                        name, "Query parameter " + name + " has an empty value");
            }
            expressions.add(DateExpression.parse(name, value));
        }
        return List.copyOf(expressions);
    }

    private static SortOrder order(Map<String, List<String>> parameters) {
        String value = single(parameters, ORDER);
        if (value == null) {
            return SortOrder.DESC;
        }
        for (SortOrder order : SortOrder.values()) {
            if (order.code().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return order;
            }
        }
        throw new InvalidQueryParameterException(
                ORDER,
                "Query parameter order must be desc:lastChanged or asc:lastChanged, was '"
                        + value
                        + "'");
    }

    private int size(Map<String, List<String>> parameters) {
        String value = single(parameters, SIZE);
        if (value == null) {
            return defaultSize;
        }
        if (value.matches("[0-9]{1,9}")) {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= maxSize) {
                return size;
            }
        }
        throw new InvalidQueryParameterException(
                SIZE,
                "Query parameter size must be a whole number from 1 to "
                        + maxSize
                        + ", was '"
                        + value
                        + "'");
    }
}
