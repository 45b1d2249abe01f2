package dev.appinstances.instance;

import dev.appinstances.persistence.JsonColumns;
import dev.appinstances.register.Party;
import dev.appinstances.register.PartyType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads rows of {@link #SELECT}: an instance row with its owner party, data elements and complete
 * confirmations aggregated as JSON into the same row, so that a document costs one statement.
 */
public final class InstanceDocumentRows {

    /** The select list and table; callers append the {@code where} (and order) on alias i. */
    public static final String SELECT =
            "select i.*,"
                    + " (select row_to_json(p) from party p"
                    + " where p.party_id = i.instance_owner_party_id) as owner_party,"
                    + " (select json_agg(d order by d.position) from data_element d"
                    + " where d.instance_id = i.id) as data_elements,"
                    + " (select json_agg(c order by c.confirmed_on, c.stakeholder_id)"
                    + " from complete_confirmation c where c.instance_id = i.id)"
                    + " as complete_confirmations"
                    + " from instance i";

    private InstanceDocumentRows() {}

    public static StoredInstance read(Row row) {
        return new StoredInstance(
                InstanceRows.read(row),
                party(row.getJsonObject("owner_party")),
                elements(row.getJsonArray("data_elements")),
                confirmations(row.getJsonArray("complete_confirmations")));
    }

    private static Party party(JsonObject json) {
        if (json == null) {
            return null;
        }
        String uuid = json.getString("party_uuid");
        return new Party(
                json.getLong("party_id"),
                uuid == null ? null : UUID.fromString(uuid),
                PartyType.fromAltinnName(json.getString("party_type")),
                json.getString("ssn"),
                json.getString("org_number"),
                json.getString("unit_type"),
                json.getString("username"),
                json.getString("name"),
                json.getBoolean("is_deleted"));
    }

    private static List<DataElementEntity> elements(JsonArray json) {
        if (json == null) {
            return List.of();
        }
        List<DataElementEntity> elements = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            elements.add(element(json.getJsonObject(i)));
        }
        return elements;
    }

    private static DataElementEntity element(JsonObject json) {
        DataElementEntity element = new DataElementEntity();
        element.id = UUID.fromString(json.getString("id"));
        element.instanceId = UUID.fromString(json.getString("instance_id"));
        element.position = json.getInteger("position");
        element.dataType = json.getString("data_type");
        element.filename = json.getString("filename");
        element.contentType = json.getString("content_type");
        String blob = json.getString("blob_id");
        element.blobId = blob == null ? null : UUID.fromString(blob);
        element.size = json.getLong("size");
        element.contentHash = json.getString("content_hash");
        element.locked = json.getBoolean("locked");
        element.isRead = json.getBoolean("is_read");
        JsonArray tags = json.getJsonArray("tags");
        element.tags =
                tags == null
                        ? new String[0]
                        : tags.stream().map(String.class::cast).toArray(String[]::new);
        Object metadata = json.getValue("user_defined_metadata");
        element.userDefinedMetadata =
                metadata == null
                        ? null
                        : JsonColumns.read(((JsonObject) metadata).encode(), MetadataColumn.class);
        element.fileScanResult = json.getString("file_scan_result");
        element.created = instant(json, "created");
        element.createdBy = json.getString("created_by");
        element.lastChanged = instant(json, "last_changed");
        element.lastChangedBy = json.getString("last_changed_by");
        element.version = json.getLong("version");
        return element;
    }

    private static List<CompleteConfirmation> confirmations(JsonArray json) {
        if (json == null) {
            return null;
        }
        List<CompleteConfirmation> confirmations = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonObject row = json.getJsonObject(i);
            confirmations.add(
                    new CompleteConfirmation(
                            row.getString("stakeholder_id"), instant(row, "confirmed_on")));
        }
        return confirmations;
    }

    /** PostgreSQL writes timestamptz into JSON as ISO-8601 with the session's offset. */
    private static Instant instant(JsonObject json, String field) {
        String value = json.getString(field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}
