package dev.appinstances.app;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A config object that keeps properties this service does not model, so that the metadata an app
 * developer wrote is served back as written.
 */
@RegisterForReflection
public abstract class OpenJsonObject {

    private final Map<String, Object> otherProperties = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> otherProperties() {
        return otherProperties;
    }

    @JsonAnySetter
    public void otherProperty(String name, Object value) {
        otherProperties.put(name, value);
    }
}
