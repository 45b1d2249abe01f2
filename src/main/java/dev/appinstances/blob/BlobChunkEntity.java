package dev.appinstances.blob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * One chunk of a blob whose content the service built in memory, written by the transaction that
 * creates its data element. Streamed content is written by {@link PostgresBlobWriter} instead.
 */
@Entity
@Table(name = "blob_chunk")
@IdClass(BlobChunkEntity.Key.class)
public class BlobChunkEntity {

    @Id
    @Column(name = "blob_id")
    public UUID blobId;

    @Id public int seq;

    public long start;

    public byte[] data;

    /** The chunk's primary key. */
    public record Key(UUID blobId, int seq) implements Serializable {}
}
