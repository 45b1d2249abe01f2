package dev.appinstances.query;

import java.util.List;

/**
 * A parsed, validated instance query. Null means "not filtered on"; lists are empty when the
 * parameter was not given.
 */
public record InstanceQuery(
        String appId,
        String org,
        Long partyId,
        String currentTask,
        Boolean isComplete,
        List<DateExpression> processEnded,
        List<DateExpression> lastChanged,
        List<DateExpression> created,
        List<DateExpression> dueBefore,
        List<DateExpression> visibleAfter,
        Boolean isArchived,
        Boolean isSoftDeleted,
        Boolean isHardDeleted,
        String excludeConfirmedBy,
        Boolean confirmed,
        String searchString,
        SortOrder order,
        int size,
        String continuationToken) {

    /**
     * Everything that decides which rows are listed and in which order, in a canonical form: equal
     * for equal filters however they were written (parameter order, repeated date expressions in
     * another order, an offset instead of Z). Excludes {@code size} and {@code continuationToken},
     * which may change from page to page.
     */
    public String fingerprint() {
        StringBuilder out = new StringBuilder("v1");
        field(out, "appId", appId);
        field(out, "org", org);
        field(out, "instanceOwner.partyId", partyId);
        field(out, "process.currentTask", currentTask);
        field(out, "process.isComplete", isComplete);
        dates(out, "process.ended", processEnded);
        dates(out, "lastChanged", lastChanged);
        dates(out, "created", created);
        dates(out, "dueBefore", dueBefore);
        dates(out, "visibleAfter", visibleAfter);
        field(out, "status.isArchived", isArchived);
        field(out, "status.isSoftDeleted", isSoftDeleted);
        field(out, "status.isHardDeleted", isHardDeleted);
        field(out, "excludeConfirmedBy", excludeConfirmedBy);
        field(out, "confirmed", confirmed);
        field(out, "searchString", searchString);
        field(out, "order", order.code());
        return out.toString();
    }

    private static void dates(StringBuilder out, String name, List<DateExpression> expressions) {
        field(
                out,
                name,
                expressions.isEmpty()
                        ? null
                        : String.join(
                                ",",
                                expressions.stream()
                                        .map(DateExpression::canonical)
                                        .sorted()
                                        .toList()));
    }

    /** Length-prefixed, so no value can imitate another field. */
    private static void field(StringBuilder out, String name, Object value) {
        out.append(';').append(name).append('=');
        if (value == null) {
            out.append('-');
        } else {
            String text = value.toString();
            out.append(text.length()).append(':').append(text);
        }
    }
}
