package dev.appinstances.instance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One data element row; its content is the blob {@link #blobId}. */
@Entity
@Table(name = "data_element")
public class DataElementEntity {

    @Id public UUID id;

    @Column(name = "instance_id")
    public UUID instanceId;

    /** Upload order within the instance. */
    public int position;

    @Column(name = "data_type")
    public String dataType;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "blob_id")
    public UUID blobId;

    public long size;

    @Column(name = "content_hash")
    public String contentHash;

    public boolean locked;

    @Column(name = "is_read")
    public boolean isRead = true;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] tags = new String[0];

    /** Null until first set (Altinn tells "never set" from "set to nothing"). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_defined_metadata", columnDefinition = "jsonb")
    public MetadataColumn userDefinedMetadata;

    @Column(name = "file_scan_result")
    public String fileScanResult = "NotApplicable";

    public Instant created;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "last_changed")
    public Instant lastChanged;

    @Column(name = "last_changed_by")
    public String lastChangedBy;

    @Version public long version;

    /** New content from an upload; a replacement without a file name keeps the old one. */
    public void replaceContent(StoredPart part, Instant now, String actor) {
        blobId = part.blob().id();
        size = part.blob().size();
        contentHash = part.blob().sha256();
        contentType = part.contentType();
        if (part.filename() != null) {
            filename = part.filename();
        }
        touch(now, actor);
    }

    /** The user-defined metadata entries; null when never set. */
    public List<KeyValueEntry> metadataEntries() {
        return userDefinedMetadata == null ? null : userDefinedMetadata.entries();
    }

    public void setMetadataEntries(List<KeyValueEntry> entries) {
        userDefinedMetadata = new MetadataColumn(List.copyOf(entries));
    }

    /** A change of the element itself (content, tags, metadata). */
    public void touch(Instant now, String actor) {
        lastChanged = now;
        lastChangedBy = actor;
    }
}
