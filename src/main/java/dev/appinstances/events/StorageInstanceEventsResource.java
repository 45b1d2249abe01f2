package dev.appinstances.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The instance event log at Altinn Storage's path, in Storage's order. */
@Path(Paths.STORAGE_INSTANCE + "/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Storage", description = "The instance and its data at Altinn Storage's paths")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class StorageInstanceEventsResource {

    private final EventLogService service;
    private final CurrentCaller caller;

    public StorageInstanceEventsResource(EventLogService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listStorageInstanceEvents",
            summary = "List an instance's events as Altinn Storage does",
            description =
                    "Every change of the instance, oldest first (order=desc:created for newest"
                            + " first), up to events.max-size events per page; next is the rest."
                            + " Whoever may read the instance may read its events.")
    @Parameter(
            name = "eventTypes",
            in = ParameterIn.QUERY,
            description = EventLogParameters.EVENT_TYPES,
            explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = EventLogParameters.FROM,
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = EventLogParameters.TO,
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(
            name = "order",
            in = ParameterIn.QUERY,
            description = "Oldest first (Storage's order) or newest first",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"asc:created", "desc:created"},
                            defaultValue = "asc:created"))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = EventLogParameters.SIZE + "; without it events.max-size",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
    @Parameter(
            name = "continuationToken",
            in = ParameterIn.QUERY,
            description = EventLogParameters.TOKEN,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(
            responseCode = "200",
            description = "One page of events; next is null on the last page",
            content = @Content(schema = @Schema(implementation = EventLogPage.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    public Uni<ObjectNode> list(@BeanParam InstancePath path, @Context UriInfo uri) {
        return service.list(
                caller.get(),
                path.ref(),
                EventLogService.Listing.STORAGE,
                uri.getQueryParameters(),
                uri.getRequestUri().getRawPath(),
                uri.getRequestUri().getRawQuery());
    }

    @GET
    @Path(Paths.EVENT_GUID)
    @Operation(operationId = "getStorageInstanceEvent", summary = "Get one event of an instance")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content = @Content(schema = @Schema(implementation = InstanceEventView.class)))
    public Uni<ObjectNode> get(
            @BeanParam InstancePath path, @PathParam("eventGuid") UUID eventGuid) {
        return service.get(caller.get(), path.ref(), eventGuid);
    }
}
