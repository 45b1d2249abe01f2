package dev.appinstances.data;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.appinstances.instance.InstanceView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's answer to a PATCH of several forms: the new model of each patched element. */
@RegisterForReflection
@Schema(name = "DataPatchResponseMultiple")
@JsonPropertyOrder({"validationIssues", "newDataModels", "instance"})
public record DataPatchResponseMultiple(
        @Schema(description = "Issues by validator source; always empty: no validators run")
                List<Object> validationIssues,
        List<NewDataModel> newDataModels,
        InstanceView instance) {

    /** One patched element's model after the patch. */
    @RegisterForReflection
    @Schema(name = "DataModelPairResponse")
    @JsonPropertyOrder({"dataElementId", "data"})
    public record NewDataModel(
            String dataElementId,
            @Schema(type = SchemaType.OBJECT, description = "The form's model after the patch")
                    @JsonRawValue
                    String data) {}
}
