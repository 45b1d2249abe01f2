package dev.appinstances.lifecycle;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of the active list; {@code lastChangedBy} is a display name ("" when unknown). */
@Schema(name = "SimpleInstance")
public record SimpleInstance(
        String id,
        Map<String, String> presentationTexts,
        Instant dueBefore,
        Instant lastChanged,
        String lastChangedBy) {}
