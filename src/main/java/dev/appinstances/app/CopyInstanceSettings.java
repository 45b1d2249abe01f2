package dev.appinstances.app;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** {@code copyInstanceSettings}: whether and how a new instance may copy an archived one. */
@RegisterForReflection
public class CopyInstanceSettings extends OpenJsonObject {
    public boolean enabled;
    public List<String> excludedDataTypes = List.of();
    public List<String> excludedDataFields = List.of();
    public boolean includeAttachments;
}
