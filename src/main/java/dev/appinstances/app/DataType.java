package dev.appinstances.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** {@code dataTypes[]}: a kind of data element an instance may hold. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataType extends OpenJsonObject {
    public String id;
    public Map<String, String> description;
    public List<String> allowedContentTypes;
    public List<String> allowedContributors;
    public List<String> allowedContributers;
    public String actionRequiredToRead;
    public String actionRequiredToWrite;
    public AppLogic appLogic;
    public String taskId;

    /** Megabytes; null = no limit of the data type's own. */
    public Integer maxSize;

    /** 0 (also when absent) = unbounded. */
    public int maxCount;

    /** 0 (also when absent) = optional. */
    public int minCount;

    public String grouping;
    public Boolean enablePdfCreation;
    public Boolean enableFileScan;
    public Boolean validationErrorOnPendingFileScan;
    public List<String> enabledFileAnalysers;
    public List<String> enabledFileValidators;
    public List<String> allowedKeysForUserDefinedMetadata;

    public boolean isFormData() {
        return appLogic != null && appLogic.isFormData();
    }
}
