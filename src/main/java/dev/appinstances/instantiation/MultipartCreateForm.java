package dev.appinstances.instantiation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI description of a multipart create body; the body itself is streamed, not bound. */
@Schema(
        name = "MultipartCreate",
        description =
                "Part 'instance' is the instance template; every other part is named after a data"
                        + " type id (e.g. 'attachment') and carries that data element's content"
                        + " with its Content-Type and optional filename.")
public record MultipartCreateForm(
        @Schema(implementation = InstanceTemplate.class) InstanceTemplate instance,
        @Schema(
                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                        format = "binary",
                        description = "a data part, named after its data type")
                String attachment) {}
