package dev.appinstances.instance;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.appinstances.common.JsonText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A status text the app owner sets to tell the instance owner where things stand. */
@RegisterForReflection
@Schema(name = "Substatus")
public record Substatus(
        @JsonDeserialize(using = JsonText.class) String label,
        @JsonDeserialize(using = JsonText.class) String description) {}
