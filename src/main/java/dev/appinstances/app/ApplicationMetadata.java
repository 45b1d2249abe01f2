package dev.appinstances.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code applicationmetadata.json}, modelled on Altinn's ApplicationMetadata. Properties that are
 * not modelled here are kept and served back unchanged.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationMetadata extends OpenJsonObject {
    public String id;
    public String versionId;
    public String org;
    public Map<String, String> title;
    public String processId;
    public List<DataType> dataTypes = List.of();
    public PartyTypesAllowed partyTypesAllowed;
    public boolean autoDeleteOnProcessEnd;
    public Integer preventInstanceDeletionForDays;
    public CopyInstanceSettings copyInstanceSettings;
    public boolean disallowUserInstantiation;

    /** Shown on the instance as {@code presentationTexts}; null when the app has none. */
    public List<DataField> presentationFields;

    /** Shown on the instance as {@code dataValues}; null when the app has none. */
    public List<DataField> dataFields;

    public Optional<DataType> dataType(String dataTypeId) {
        return dataTypes.stream().filter(type -> type.id.equals(dataTypeId)).findFirst();
    }

    /** The app part of {@code id} ("org/app"). */
    public String app() {
        return id.substring(id.indexOf('/') + 1);
    }
}
