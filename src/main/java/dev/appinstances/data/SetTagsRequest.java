package dev.appinstances.data;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.appinstances.common.JsonText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's SetTagsRequest: the whole new list of a data element's tags. */
@RegisterForReflection
@Schema(name = "SetTagsRequest")
public record SetTagsRequest(
        @Schema(required = true, examples = "[\"vedlegg\", \"tegning\"]")
                @JsonDeserialize(contentUsing = JsonText.class)
                List<String> tags) {}
