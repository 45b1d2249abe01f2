package dev.appinstances.processflow;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.process.ProcessState;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(Paths.INSTANCE + "/process")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Process", description = "Where an instance is in the app's process, and moving it on")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class ProcessResource {

    private final ProcessService process;
    private final CurrentCaller caller;

    public ProcessResource(ProcessService process, CurrentCaller caller) {
        this.process = process;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getProcess", summary = "The instance's process state")
    @APIResponse(
            responseCode = "200",
            description = "The process state",
            content = @Content(schema = @Schema(implementation = ProcessState.class)))
    public Uni<ProcessState> get(@BeanParam InstancePath path) {
        return process.get(caller.get(), path.ref());
    }

    @GET
    @Path("history")
    @Operation(
            operationId = "getProcessHistory",
            summary = "The steps the process has taken: ended tasks and the end event")
    @APIResponse(
            responseCode = "200",
            description = "Oldest first",
            content = @Content(schema = @Schema(implementation = ProcessHistory.class)))
    public Uni<ProcessHistory> history(@BeanParam InstancePath path) {
        return process.history(caller.get(), path.ref());
    }

    @PUT
    @Path("next")
    @Operation(
            operationId = "processNext",
            summary = "Move from the current task to the next task or the end event",
            description =
                    "elementId chooses among several possible next elements (required after an"
                            + " exclusive gateway with several flows and no default).")
    @APIResponse(
            responseCode = "200",
            description = "The new process state",
            content = @Content(schema = @Schema(implementation = ProcessState.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<ProcessState> next(
            @BeanParam InstancePath path,
            @Parameter(
                            description =
                                    "The id of the next task or end event, when the process could"
                                            + " go to several")
                    @QueryParam("elementId")
                    String elementId,
            @HeaderParam("If-Match") String ifMatch) {
        return process.next(caller.get(), path.ref(), elementId, ifMatch);
    }
}
