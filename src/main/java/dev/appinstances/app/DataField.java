package dev.appinstances.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An entry of {@code presentationFields} or {@code dataFields}: the value at {@code path} in the
 * form data of type {@code dataTypeId} is shown on the instance under {@code id}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataField extends OpenJsonObject {
    public String id;
    public String path;
    public String dataTypeId;
}
