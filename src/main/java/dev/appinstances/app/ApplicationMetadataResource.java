package dev.appinstances.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/{org}/{app}/api/v1/applicationmetadata")
@Tag(name = "Application metadata", description = "The configuration of the app")
public class ApplicationMetadataResource {

    private final AppDefinition app;

    public ApplicationMetadataResource(AppDefinition app) {
        this.app = app;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getApplicationMetadata",
            summary = "The app's applicationmetadata.json, as configured")
    @APIResponse(
            responseCode = "200",
            description = "The application metadata",
            content = @Content(schema = @Schema(implementation = ApplicationMetadata.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public ApplicationMetadata get() {
        return app.metadata();
    }
}
