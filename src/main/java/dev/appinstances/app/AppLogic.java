package dev.appinstances.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code dataTypes[].appLogic}: how the app treats elements of a data type. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppLogic extends OpenJsonObject {
    public Boolean autoCreate;
    public String classRef;
    public String schemaRef;
    public Boolean allowAnonymousOnStateless;
    public Boolean autoDeleteOnProcessEnd;
    public Boolean disallowUserCreate;
    public Boolean disallowUserDelete;

    /** A data type with a class reference holds form data (the app's data model). */
    public boolean isFormData() {
        return classRef != null && !classRef.isBlank();
    }
}
