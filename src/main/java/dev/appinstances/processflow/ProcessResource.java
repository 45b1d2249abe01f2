package dev.appinstances.processflow;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.http.RequestBodies;
import dev.appinstances.instance.AppProcessState;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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

@Path(Paths.INSTANCE + "/process")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Process", description = "Where an instance is in the app's process, and moving it on")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class ProcessResource {

    private static final String STATE = "The process state, with what the caller may do";

    private final ProcessService process;
    private final RequestBodies bodies;
    private final CurrentCaller caller;

    public ProcessResource(ProcessService process, RequestBodies bodies, CurrentCaller caller) {
        this.process = process;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getProcess",
            summary = "The instance's process state, its tasks and the caller's rights")
    @APIResponse(
            responseCode = "200",
            description = STATE,
            content = @Content(schema = @Schema(implementation = AppProcessState.class)))
    public Uni<AppProcessState> get(@BeanParam InstancePath path) {
        return process.get(caller.get(), path.ref());
    }

    @POST
    @Path("start")
    @Operation(
            operationId = "startProcess",
            summary = "Start the process of an instance whose process has not started",
            description = "Enters the start event, then the first task.")
    @APIResponse(
            responseCode = "200",
            description = STATE,
            content = @Content(schema = @Schema(implementation = AppProcessState.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<AppProcessState> start(
            @BeanParam InstancePath path,
            @Parameter(
                            description = "The start event; the process's only one if not given",
                            example = "StartEvent_1")
                    @QueryParam("startEvent")
                    String startEvent,
            @HeaderParam("If-Match") String ifMatch) {
        return process.start(caller.get(), path.ref(), startEvent, ifMatch);
    }

    @GET
    @Path("next")
    @Operation(
            operationId = "getProcessNextElements",
            summary = "The elements the process can move to",
            description =
                    "Before the start: the start event. In a task: the tasks and end events that"
                            + " can follow it. After the end: 409.")
    @APIResponse(
            responseCode = "200",
            description = "Element ids",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = String.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<List<String>> nextElements(@BeanParam InstancePath path) {
        return process.nextElements(caller.get(), path.ref());
    }

    @GET
    @Path("history")
    @Operation(
            operationId = "getProcessHistory",
            summary = "The steps the process has taken: start event, task visits, end event")
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
                    "The optional body names the action performed (it must be one the task offers"
                            + " and the caller may perform); without one, the caller needs the task"
                            + " type's own action. elementId chooses among several possible next"
                            + " elements (required after an exclusive gateway with several flows"
                            + " and no default).")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProcessNextRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "confirm",
                                            value = "{\"action\": \"confirm\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The new process state",
            content = @Content(schema = @Schema(implementation = AppProcessState.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<AppProcessState> next(
            @BeanParam InstancePath path,
            @Parameter(
                            description =
                                    "The id of the next task or end event, when the process could"
                                            + " go to several")
                    @QueryParam("elementId")
                    String elementId,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return process.next(caller.get(), path.ref(), elementId, bodies.of(request), ifMatch);
    }

    @PUT
    @Path("completeProcess")
    @Operation(
            operationId = "completeProcess",
            summary = "Move through every remaining task to the end event",
            description =
                    "Each move is checked as process/next checks it without an action; when one is"
                            + " refused, nothing moves.")
    @APIResponse(
            responseCode = "200",
            description = "The ended process state",
            content = @Content(schema = @Schema(implementation = AppProcessState.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<AppProcessState> completeProcess(
            @BeanParam InstancePath path, @HeaderParam("If-Match") String ifMatch) {
        return process.completeProcess(caller.get(), path.ref(), ifMatch);
    }
}
