package dev.appinstances.data;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.http.RequestBodies;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A data element's user-defined metadata (Altinn's UserDefinedMetadataController). */
@Path(Paths.INSTANCE + "/data/" + Paths.DATA_GUID + "/user-defined-metadata")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data elements")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class UserDefinedMetadataResource {

    private final ElementMetadataService service;
    private final RequestBodies bodies;
    private final CurrentCaller caller;

    public UserDefinedMetadataResource(
            ElementMetadataService service, RequestBodies bodies, CurrentCaller caller) {
        this.service = service;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getUserDefinedMetadata",
            summary = "The data element's user-defined metadata ([] when never set)")
    @APIResponse(
            responseCode = "200",
            description = "The entries",
            content = @Content(schema = @Schema(implementation = UserDefinedMetadataList.class)))
    public Uni<UserDefinedMetadataList> get(
            @BeanParam InstancePath path, @PathParam("dataGuid") UUID dataGuid) {
        return service.metadata(caller.get(), path.ref(), dataGuid);
    }

    @PUT
    @Operation(
            operationId = "setUserDefinedMetadata",
            summary = "Replace the data element's user-defined metadata",
            description =
                    "Keys must be distinct and, when the data type lists"
                            + " allowedKeysForUserDefinedMetadata, among those.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserDefinedMetadataList.class),
                            examples =
                                    @ExampleObject(
                                            name = "metadata",
                                            value =
                                                    "{\"userDefinedMetadata\": [{\"key\":"
                                                            + " \"source\", \"value\":"
                                                            + " \"scanner\"}]}")))
    @APIResponse(
            responseCode = "200",
            description = "The entries stored",
            content = @Content(schema = @Schema(implementation = UserDefinedMetadataList.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<UserDefinedMetadataList> replace(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return service.replaceMetadata(
                caller.get(), path.ref(), dataGuid, bodies.of(request), ifMatch);
    }
}
