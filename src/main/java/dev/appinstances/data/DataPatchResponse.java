package dev.appinstances.data;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.appinstances.instance.InstanceView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's answer to a PATCH of one form: no validation issues, the new model, the instance. */
@RegisterForReflection
@Schema(name = "DataPatchResponse")
@JsonPropertyOrder({"validationIssues", "newDataModel", "instance"})
public record DataPatchResponse(
        @Schema(description = "Issues by validator source; always empty: no validators run")
                Map<String, Object> validationIssues,
        @Schema(type = SchemaType.OBJECT, description = "The form's model after the patch")
                @JsonRawValue
                String newDataModel,
        InstanceView instance) {}
