package dev.appinstances.data;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.http.RequestBodies;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A data element's tags (Altinn's DataTagsController). */
@Path(Paths.INSTANCE + "/data/" + Paths.DATA_GUID + "/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data elements")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class DataTagsResource {

    static final String TAG_PATTERN = "^[\\p{L}\\-_]+$";

    private final ElementMetadataService service;
    private final RequestBodies bodies;
    private final CurrentCaller caller;

    public DataTagsResource(
            ElementMetadataService service, RequestBodies bodies, CurrentCaller caller) {
        this.service = service;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getDataTags", summary = "The data element's tags")
    @APIResponse(
            responseCode = "200",
            description = "The tags",
            content = @Content(schema = @Schema(implementation = TagsList.class)))
    public Uni<TagsList> get(@BeanParam InstancePath path, @PathParam("dataGuid") UUID dataGuid) {
        return service.tags(caller.get(), path.ref(), dataGuid);
    }

    @POST
    @Operation(
            operationId = "addDataTag",
            summary = "Add a tag to the data element",
            description =
                    "The body is the tag as a JSON string. A tag already there changes nothing and"
                            + " is still 201.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = TAG_PATTERN,
                                            maxLength = 64),
                            examples = @ExampleObject(name = "tag", value = "vedlegg")))
    @APIResponse(
            responseCode = "201",
            description = "The tags after the change; Location is where to read them",
            content = @Content(schema = @Schema(implementation = TagsList.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<TagsList>> add(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return service.addTag(caller.get(), path.ref(), dataGuid, bodies.of(request), ifMatch)
                .map(
                        added ->
                                RestResponse.ResponseBuilder.<TagsList>created(
                                                URI.create(added.location()))
                                        .entity(added.tags())
                                        .build());
    }

    @PUT
    @Operation(
            operationId = "setDataTags",
            summary = "Replace the data element's tags",
            description = "Duplicates are dropped; every tag must follow the naming rule.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SetTagsRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The tags stored",
            content = @Content(schema = @Schema(implementation = TagsList.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<TagsList> replace(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @Parameter(
                            description =
                                    "Validators to skip (comma-separated); when given, the answer"
                                            + " has validationIssues")
                    @QueryParam("ignoredValidators")
                    String ignoredValidators,
            @Parameter(description = "Accepted and ignored") @QueryParam("language")
                    String language,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return service.replaceTags(
                caller.get(),
                path.ref(),
                dataGuid,
                bodies.of(request),
                ifMatch,
                ignoredValidators != null);
    }

    @DELETE
    @Path("{tag}")
    @Operation(
            operationId = "removeDataTag",
            summary = "Remove a tag from the data element (204 also when it is not there)")
    @APIResponse(responseCode = "204", description = "The tag is not on the element (any more)")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<Void> remove(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @Parameter(description = "The tag to remove") @PathParam("tag") String tag,
            @HeaderParam("If-Match") String ifMatch) {
        return service.removeTag(caller.get(), path.ref(), dataGuid, tag, ifMatch);
    }
}
