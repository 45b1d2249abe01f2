package dev.appinstances.data;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The PATCH bodies as the API document describes them ({@link PatchRequests} reads them). */
final class PatchBodies {

    private PatchBodies() {}

    @Schema(name = "JsonPatchOperation", description = "One RFC 6902 operation")
    record Operation(
            @Schema(
                            required = true,
                            enumeration = {"add", "remove", "replace", "move", "copy", "test"})
                    String op,
            @Schema(required = true, description = "JSON Pointer into the model", example = "/a")
                    String path,
            @Schema(description = "JSON Pointer, for move and copy") String from,
            @Schema(description = "The value, for add, replace and test", type = SchemaType.OBJECT)
                    Object value) {}

    @Schema(name = "DataPatchRequest")
    record Single(
            @Schema(required = true) List<Operation> patch,
            @Schema(description = "Accepted; no validators run") List<String> ignoredValidators) {}

    @Schema(name = "DataPatchRequestMultiple")
    record Multiple(
            @Schema(required = true) List<ElementPatch> patches,
            @Schema(description = "Accepted; no validators run") List<String> ignoredValidators) {}

    @Schema(name = "PatchListItem")
    record ElementPatch(
            @Schema(required = true, format = "uuid") String dataElementId,
            @Schema(required = true) List<Operation> patch) {}
}
