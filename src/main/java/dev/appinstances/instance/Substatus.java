package dev.appinstances.instance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A status text the app owner sets to tell the instance owner where things stand. */
@RegisterForReflection
@Schema(name = "Substatus")
public record Substatus(String label, String description) {}
