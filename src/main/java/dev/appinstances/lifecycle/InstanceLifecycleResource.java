package dev.appinstances.lifecycle;

import static dev.appinstances.http.Paths.INSTANCES;
import static dev.appinstances.http.Paths.INSTANCE_GUID;
import static dev.appinstances.http.Paths.PARTY_ID;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.JsonArrayStreams;
import dev.appinstances.http.RequestBodies;
import dev.appinstances.instance.InstanceETags;
import dev.appinstances.instance.InstanceMetrics;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.Substatus;
import dev.appinstances.instance.VersionedInstance;
import dev.appinstances.problem.InvalidRequestException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

@Path(INSTANCES + "/" + PARTY_ID)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Instance lifecycle",
        description = "Read, active list, substatus, complete, delete, restore")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class InstanceLifecycleResource {

    private final InstanceLifecycleService lifecycle;
    private final InstanceMetrics metrics;
    private final CurrentCaller caller;
    private final RequestBodies bodies;
    private final JsonArrayStreams arrays;

    public InstanceLifecycleResource(
            InstanceLifecycleService lifecycle,
            InstanceMetrics metrics,
            CurrentCaller caller,
            RequestBodies bodies,
            JsonArrayStreams arrays) {
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.caller = caller;
        this.bodies = bodies;
        this.arrays = arrays;
    }

    @GET
    @Path(INSTANCE_GUID)
    @Operation(operationId = "getInstance", summary = "Get an instance, with its owner's party")
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<RestResponse<InstanceView>> get(
            @BeanParam InstancePath path,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return lifecycle
                .get(caller.get(), path.ref())
                .map(instance -> withETag(instance, ifNoneMatch));
    }

    /** 304 when the client's copy is current, else the document with its ETag. */
    private static RestResponse<InstanceView> withETag(
            VersionedInstance instance, String ifNoneMatch) {
        var response =
                InstanceETags.matches(ifNoneMatch, instance.etag())
                        ? RestResponse.ResponseBuilder.<InstanceView>notModified()
                        : RestResponse.ResponseBuilder.ok(instance.document());
        return response.header(HttpHeaders.ETAG, instance.etag()).build();
    }

    @GET
    @Path("active")
    @Operation(
            operationId = "listActiveInstances",
            summary = "The party's instances that are neither archived nor deleted")
    @APIResponse(
            responseCode = "200",
            description = "Newest change first; lastChangedBy is a display name",
            content = @Content(schema = @Schema(implementation = SimpleInstance[].class)))
    @Produces(MediaType.APPLICATION_JSON)
    public RestMulti<Buffer> active(@PathParam("instanceOwnerPartyId") long partyId) {
        return arrays.respond(lifecycle.active(caller.get(), partyId));
    }

    @PUT
    @Path(INSTANCE_GUID + "/substatus")
    @Operation(operationId = "updateSubstatus", summary = "Replace the substatus (app owner only)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Substatus.class),
                            examples =
                                    @ExampleObject(
                                            name = "substatus",
                                            value =
                                                    "{\"label\": \"received\", \"description\":"
                                                            + " \"We have received your application\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<InstanceView> substatus(
            @BeanParam InstancePath path,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return metrics.counted(
                "substatus",
                () ->
                        lifecycle.setSubstatus(
                                caller.get(), path.ref(), bodies.of(request), ifMatch));
    }

    @POST
    @Path(INSTANCE_GUID + "/complete")
    @Operation(
            operationId = "completeInstance",
            summary = "Confirm the instance complete as the app owner (idempotent)")
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<InstanceView> complete(
            @BeanParam InstancePath path, @HeaderParam("If-Match") String ifMatch) {
        return metrics.counted(
                "complete", () -> lifecycle.complete(caller.get(), path.ref(), ifMatch));
    }

    @DELETE
    @Path(INSTANCE_GUID)
    @Operation(
            operationId = "deleteInstance",
            summary = "Delete: to the recycle bin (soft, default) or for good (hard=true)")
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<InstanceView> delete(
            @BeanParam InstancePath path,
            @Parameter(
                            description =
                                    "true: hard delete (purged after the grace period); false:"
                                            + " to the recycle bin",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("hard")
                    String hard,
            @HeaderParam("If-Match") String ifMatch) {
        boolean isHard = parseHard(hard);
        return metrics.counted(
                isHard ? "delete-hard" : "delete-soft",
                () -> lifecycle.delete(caller.get(), path.ref(), isHard, ifMatch));
    }

    private static boolean parseHard(String hard) {
        if (hard == null || hard.isBlank() || hard.equalsIgnoreCase("false")) {
            return false;
        }
        if (hard.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestException("hard must be true or false, was '" + hard + "'");
    }

    @PUT
    @Path(INSTANCE_GUID + "/undelete")
    @Operation(
            operationId = "undeleteInstance",
            summary = "Restore a soft-deleted instance from the recycle bin")
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<InstanceView> undelete(
            @BeanParam InstancePath path, @HeaderParam("If-Match") String ifMatch) {
        return metrics.counted(
                "undelete", () -> lifecycle.undelete(caller.get(), path.ref(), ifMatch));
    }
}
