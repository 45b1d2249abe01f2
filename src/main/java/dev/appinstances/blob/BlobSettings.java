package dev.appinstances.blob;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code blob.*} (env {@code BLOB_*}). */
@ConfigMapping(prefix = "blob")
public interface BlobSettings {

    /**
     * Size of one stored chunk; an upload holds at most about ten chunks in memory (two batches of
     * four being stored or waiting, the one being filled and what arrives while the client pauses).
     */
    @WithDefault("256K")
    MemorySize chunkSize();

    /** Pending blobs older than this (left by a crash mid-upload) are removed by the janitor. */
    @WithDefault("PT1H")
    Duration pendingTtl();
}
