package dev.appinstances.app;

import dev.appinstances.formdata.FormModel;
import dev.appinstances.process.ProcessDefinition;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service knows about the one app it serves, read and checked once at startup: the
 * metadata, the process, and the compiled data models of its form data types.
 */
public record AppDefinition(
        ApplicationMetadata metadata,
        ProcessDefinition process,
        Map<String, FormModel> formModels) {

    public AppDefinition {
        formModels = Map.copyOf(formModels);
    }

    public String org() {
        return metadata.org;
    }

    public String app() {
        return metadata.app();
    }

    public String appId() {
        return metadata.id;
    }

    /** Whether a request path's {org}/{app} names this app (case-insensitive, as Altinn routes). */
    public boolean isServedAt(String org, String app) {
        return org().equalsIgnoreCase(org) && app().equalsIgnoreCase(app);
    }

    /** The data model of a form data type, when the app has its schema. */
    public Optional<FormModel> formModel(String dataTypeId) {
        return Optional.ofNullable(formModels.get(dataTypeId));
    }
}
