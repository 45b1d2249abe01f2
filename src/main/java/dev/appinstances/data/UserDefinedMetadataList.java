package dev.appinstances.data;

import dev.appinstances.instance.KeyValueEntry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's UserDefinedMetadataDto: a data element's user-defined metadata, as a whole. */
@RegisterForReflection
@Schema(name = "UserDefinedMetadata")
public record UserDefinedMetadataList(
        @Schema(required = true) List<KeyValueEntry> userDefinedMetadata) {}
