package dev.appinstances.data;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.http.RequestBodies;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Form data changed by JSON Patch: one element, or several of the instance at once. */
@Path(Paths.INSTANCE + "/data")
@Authenticated
@Tag(name = "Data elements", description = "Content of an instance, streamed in and out")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class FormPatchResource {

    private final FormPatchService patches;
    private final RequestBodies bodies;
    private final CurrentCaller caller;

    public FormPatchResource(FormPatchService patches, RequestBodies bodies, CurrentCaller caller) {
        this.patches = patches;
        this.bodies = bodies;
        this.caller = caller;
    }

    @PATCH
    @Path(Paths.DATA_GUID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "patchFormData",
            summary = "Change a form with a JSON Patch (RFC 6902)",
            description =
                    "Body {\"patch\": [operations], \"ignoredValidators\": [...]}. The patch"
                            + " applies to the model as GET returns it (JSON, row ids included);"
                            + " a test that does not hold is 409 with the model before, another"
                            + " failing operation 422, a result that does not fit the data model"
                            + " 422. Concurrent patches of one instance take turns.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatchBodies.Single.class)))
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = DataPatchResponse.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "#/components/responses/UnprocessableContent")
    public Uni<DataPatchResponse> patchOne(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @Parameter(description = "Accepted and ignored: messages are in English")
                    @QueryParam("language")
                    String language,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return patches.patchOne(caller.get(), path.ref(), dataGuid, ifMatch, bodies.of(request));
    }

    @PATCH
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "patchFormDataMultiple",
            summary = "Change several forms of the instance with JSON Patches, all or nothing",
            description =
                    "Body {\"patches\": [{\"dataElementId\": guid, \"patch\": [operations]}],"
                            + " \"ignoredValidators\": [...]}; each element at most once. Either"
                            + " every patch is applied and saved, or none.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatchBodies.Multiple.class)))
    @APIResponse(
            responseCode = "200",
            description = "Patched",
            content = @Content(schema = @Schema(implementation = DataPatchResponseMultiple.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "#/components/responses/UnprocessableContent")
    public Uni<DataPatchResponseMultiple> patchMany(
            @BeanParam InstancePath path,
            @Parameter(description = "Accepted and ignored: messages are in English")
                    @QueryParam("language")
                    String language,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return patches.patchMany(caller.get(), path.ref(), ifMatch, bodies.of(request));
    }
}
