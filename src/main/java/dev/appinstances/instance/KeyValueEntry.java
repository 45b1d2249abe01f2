package dev.appinstances.instance;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.appinstances.common.JsonText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's KeyValueEntry: one entry of a data element's user-defined metadata. */
@RegisterForReflection
@Schema(name = "KeyValueEntry")
public record KeyValueEntry(
        @Schema(examples = "source") @JsonDeserialize(using = JsonText.class) String key,
        @Schema(examples = "scanner", nullable = true) @JsonDeserialize(using = JsonText.class)
                String value) {}
