package dev.appinstances.instance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The jsonb column of a data element's user-defined metadata, {@code {"entries": [...]}}: an object
 * around the list, because Hibernate Reactive binds JSON values as objects only.
 */
@RegisterForReflection
public record MetadataColumn(List<KeyValueEntry> entries) {}
