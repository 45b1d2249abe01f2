package dev.appinstances.purge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code purge.*} (env {@code PURGE_*}). */
@ConfigMapping(prefix = "purge")
public interface PurgeSettings {

    /** How long an archived, hard-deleted instance and its owner's confirmation must have aged. */
    @WithDefault("P7D")
    Duration gracePeriod();

    /** How often the purge runs (a Quarkus scheduler interval, e.g. {@code 1h}). */
    @WithDefault("1h")
    String interval();

    /** Delay of the first run after startup. */
    @WithDefault("5m")
    String initialDelay();

    /** Instances removed per transaction; a run repeats batches until none are left. */
    @WithDefault("200")
    int batchSize();
}
