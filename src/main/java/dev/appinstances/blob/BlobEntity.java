package dev.appinstances.blob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A blob's row, as the transactions that create data elements see it: they mark it committed. Its
 * content is written and read by {@link PostgresBlobStore} directly.
 */
@Entity
@Table(name = "blob")
public class BlobEntity {

    @Id public UUID id;

    public boolean committed;

    public Long size;

    public String sha256;

    @Column(insertable = false, updatable = false)
    public Instant created;
}
