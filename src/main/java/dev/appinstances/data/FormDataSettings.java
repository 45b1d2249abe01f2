package dev.appinstances.data;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Form data as a model ({@code app.form-data.*}, env {@code APP_FORM_DATA_*}). */
@ConfigMapping(prefix = "app.form-data")
public interface FormDataSettings {

    /**
     * Largest form data converted in memory (a JSON or XML PUT body, a stored form read as JSON or
     * patched); a data type's own {@code maxSize} lowers it.
     */
    @WithDefault("8M")
    MemorySize maxSize();

    /**
     * How often a PATCH reads, applies and writes when another change of the instance wins the race
     * in between (its {@code test} operations are checked again each time).
     */
    @WithDefault("5")
    int patchAttempts();
}
