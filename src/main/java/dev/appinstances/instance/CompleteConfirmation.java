package dev.appinstances.instance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stakeholder's confirmation that it no longer needs the instance. */
@RegisterForReflection
@Schema(name = "CompleteConfirmation")
public record CompleteConfirmation(String stakeholderId, Instant confirmedOn) {}
