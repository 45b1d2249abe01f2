package dev.appinstances.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on a data element's tags and user-defined metadata ({@code app.element-metadata.*}, env
 * {@code APP_ELEMENT_METADATA_*}); Altinn has none, so one client cannot grow an element without
 * bound.
 */
@ConfigMapping(prefix = "app.element-metadata")
public interface ElementMetadataLimits {

    /** Most tags on one data element. */
    @WithDefault("50")
    int maxTags();

    /** Longest tag, in characters. */
    @WithDefault("64")
    int maxTagLength();

    /** Most user-defined metadata entries on one data element. */
    @WithDefault("50")
    int maxEntries();

    /** Longest user-defined metadata key, in characters. */
    @WithDefault("128")
    int maxKeyLength();

    /** Longest user-defined metadata value, in characters. */
    @WithDefault("1024")
    int maxValueLength();
}
