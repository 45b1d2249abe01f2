package dev.appinstances.instance;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.appinstances.persistence.JsonColumns;
import dev.appinstances.process.ProcessState;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Reads {@code instance} rows fetched with hand-written SQL ({@code select i.* ...}) into detached
 * entities, with the jsonb columns read exactly as Hibernate reads them.
 */
public final class InstanceRows {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private InstanceRows() {}

    public static InstanceEntity read(Row row) {
        InstanceEntity instance = new InstanceEntity();
        instance.id = row.getUUID("id");
        instance.partyId = row.getLong("instance_owner_party_id");
        instance.appId = row.getString("app_id");
        instance.org = row.getString("org");
        instance.instanceOwner = JsonColumns.read(json(row, "instance_owner"), InstanceOwner.class);
        instance.dueBefore = instant(row, "due_before");
        instance.visibleAfter = instant(row, "visible_after");
        instance.process = JsonColumns.read(json(row, "process"), ProcessState.class);
        instance.currentTask = row.getString("current_task");
        instance.readStatus = row.getShort("read_status");
        instance.substatus = JsonColumns.read(json(row, "substatus"), Substatus.class);
        instance.archived = instant(row, "archived");
        instance.softDeleted = instant(row, "soft_deleted");
        instance.hardDeleted = instant(row, "hard_deleted");
        instance.presentationTexts = texts(row, "presentation_texts");
        instance.dataValues = texts(row, "data_values");
        instance.created = instant(row, "created");
        instance.createdBy = row.getString("created_by");
        instance.lastChanged = instant(row, "last_changed");
        instance.lastChangedBy = row.getString("last_changed_by");
        instance.version = row.getLong("version");
        return instance;
    }

    /** A jsonb column of texts by id ({@code presentation_texts}, {@code data_values}). */
    public static Map<String, String> texts(Row row, String column) {
        return JsonColumns.read(json(row, column), TEXTS);
    }

    /** A timestamptz column as an instant; null for SQL null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The pg client hands jsonb over decoded; re-encode it for the one JSON mapper. */
    private static String json(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : Json.encode(value);
    }
}
