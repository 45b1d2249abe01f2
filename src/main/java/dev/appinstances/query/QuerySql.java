package dev.appinstances.query;

import dev.appinstances.instance.InstanceDocumentRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SQL of one page: the instances with their documents' parts ({@link
 * InstanceDocumentRows}). The text is made only of constants and ordinal placeholders ({@code $1},
 * {@code $2}, ...); every value from the request is a bind parameter.
 *
 * <p>Order and keyset: the listing is sorted {@code last_changed desc, id asc} (or exactly the
 * reverse for {@code asc:lastChanged}), which is the order of the {@code (app_id, last_changed
 * desc, id)} indexes read forward (or backward). A page after a token at (t, id) is {@code
 * last_changed <= t and (last_changed < t or id > id)} for descending order: the first conjunct
 * bounds the index range, the second drops the rows of the previous pages that share t. Deep pages
 * thus cost the same as the first: no OFFSET, no counting.
 */
public final class QuerySql {

    /** A statement and its bind values, in placeholder order. */
    public record Statement(String sql, List<Object> parameters) {}

    /** What the caller's rights add to the request's own filters. */
    public record Scope(String servedAppId, String appOwnerOrg, boolean hideHardDeleted) {}

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private QuerySql() {}

    public static Statement page(
            InstanceQuery query, Scope scope, ContinuationToken after, int limit) {
        QuerySql sql = new QuerySql();
        sql.add("i.app_id = " + sql.bind(scope.servedAppId()));
        if (query.partyId() != null) {
            sql.add("i.instance_owner_party_id = " + sql.bind(query.partyId()));
        }
        if (query.currentTask() != null) {
            sql.add("i.current_task = " + sql.bind(query.currentTask()));
        }
        if (query.isComplete() != null) {
            sql.add(
                    query.isComplete()
                            ? "i.process->>'ended' is not null"
                            : "i.current_task is not null");
        }
        sql.dates("cast(i.process->>'ended' as timestamptz)", query.processEnded());
        sql.dates("i.last_changed", query.lastChanged());
        sql.dates("i.created", query.created());
        sql.dates("i.due_before", query.dueBefore());
        sql.dates("i.visible_after", query.visibleAfter());
        sql.status("i.archived", query.isArchived());
        sql.status("i.soft_deleted", query.isSoftDeleted());
        sql.status("i.hard_deleted", query.isHardDeleted());
        if (scope.hideHardDeleted()) {
            sql.add("i.hard_deleted is null");
        }
        if (query.excludeConfirmedBy() != null) {
            sql.add("not " + sql.confirmedBy(query.excludeConfirmedBy()));
        }
        if (query.confirmed() != null) {
            String confirmed = sql.confirmedBy(scope.appOwnerOrg());
            sql.add(query.confirmed() ? confirmed : "not " + confirmed);
        }
        if (query.searchString() != null) {
            sql.add(
                    "exists (select 1 from jsonb_each_text(i.presentation_texts) t"
                            + " where t.value ilike "
                            + sql.bind("%" + escapeLike(query.searchString()) + "%")
                            + ")");
        }
        boolean desc = query.order() == SortOrder.DESC;
        if (after != null) {
            String at = sql.bind(after.lastChanged());
            String id = sql.bind(after.id());
            sql.add(desc ? "i.last_changed <= " + at : "i.last_changed >= " + at);
            sql.add(
                    desc
                            ? "(i.last_changed < " + at + " or i.id > " + id + ")"
                            : "(i.last_changed > " + at + " or i.id < " + id + ")");
        }
        String order =
                desc
                        ? " order by i.last_changed desc, i.id"
                        : " order by i.last_changed, i.id desc";
        String text =
                InstanceDocumentRows.SELECT
                        + " where "
                        + String.join(" and ", sql.conditions)
                        + order
                        + " limit "
                        + sql.bind(limit);
        return new Statement(text, List.copyOf(sql.parameters));
    }

    /** Escapes LIKE's wildcards and its escape character (PostgreSQL's default, backslash). */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String confirmedBy(String stakeholder) {
        return "exists (select 1 from complete_confirmation c where c.instance_id = i.id"
                + " and c.stakeholder_id = "
                + bind(stakeholder)
                + ")";
    }

    private void dates(String column, List<DateExpression> expressions) {
        for (DateExpression expression : expressions) {
            add(column + " " + expression.operator().sql() + " " + bind(expression.value()));
        }
    }

    private void status(String column, Boolean set) {
        if (set != null) {
            add(column + (set ? " is not null" : " is null"));
        }
    }

    private void add(String condition) {
        conditions.add(condition);
    }

    private String bind(Object value) {
        parameters.add(value);
        return "$" + parameters.size();
    }
}
