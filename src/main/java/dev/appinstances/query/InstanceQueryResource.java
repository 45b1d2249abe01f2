package dev.appinstances.query;

import dev.appinstances.auth.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(QueryLinks.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instance query", description = "Storage-style listing of the app's instances")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class InstanceQueryResource {

    private final InstanceQueryService service;
    private final CurrentCaller caller;

    public InstanceQueryResource(InstanceQueryService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Query instances",
            description =
                    "Filters: appId, org, instanceOwner.partyId, process.currentTask,"
                            + " process.isComplete, process.ended, lastChanged, created, dueBefore,"
                            + " visibleAfter (date expressions gt:|gte:|lt:|lte:|eq:<date-time>,"
                            + " repeatable), status.isArchived, status.isSoftDeleted,"
                            + " status.isHardDeleted, excludeConfirmedBy, confirmed, searchString;"
                            + " order (desc:lastChanged or asc:lastChanged), size, continuationToken"
                            + " (from next). The app owner needs scope"
                            + " altinn:serviceowner/instances.read; anyone else must give"
                            + " instanceOwner.partyId.")
    @APIResponse(
            responseCode = "200",
            description = "One page; next is null on the last page",
            content = @Content(schema = @Schema(implementation = QueryPage.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    public Uni<QueryPage> query(@Context UriInfo uri) {
        return service.query(
                caller.get(), uri.getQueryParameters(), uri.getRequestUri().getRawQuery());
    }
}
