package dev.appinstances.instantiation;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.Paths;
import dev.appinstances.http.RequestBodies;
import dev.appinstances.idempotency.CreatedResponses;
import dev.appinstances.instance.InstanceMetrics;
import dev.appinstances.instance.InstanceView;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(Paths.INSTANCES)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instances", description = "Create and read instances of the app")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class InstantiationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /* The JSON and the multipart create are one operation of the document, with two bodies. */
    private static final String CREATE = "createInstance";
    private static final String CREATE_SUMMARY =
            "Create an instance: from a JSON instance template, or with data (multipart)";
    private static final String CREATE_DESCRIPTION =
            "The owner is given by exactly one of the instanceOwnerPartyId query parameter,"
                    + " instanceOwner.partyId, personNumber, organisationNumber or username; with"
                    + " the query parameter the body may be empty. The process starts in its first"
                    + " task.\n\nWith multipart/form-data, part 'instance' (application/json,"
                    + " optional, any position) is the instance template; every other part is"
                    + " named after a data type and becomes a data element, in upload order. Parts"
                    + " are validated and stored as they stream in; the first violation is"
                    + " answered at once and nothing is kept.";

    private final InstantiationService instantiation;
    private final SimplifiedCreateService simplified;
    private final RequestBodies bodies;
    private final CurrentCaller caller;
    private final InstanceMetrics metrics;

    public InstantiationResource(
            InstantiationService instantiation,
            SimplifiedCreateService simplified,
            RequestBodies bodies,
            CurrentCaller caller,
            InstanceMetrics metrics) {
        this.instantiation = instantiation;
        this.simplified = simplified;
        this.bodies = bodies;
        this.caller = caller;
        this.metrics = metrics;
    }

    @POST
    @Operation(operationId = CREATE, summary = CREATE_SUMMARY, description = CREATE_DESCRIPTION)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InstanceTemplate.class),
                            examples = {
                                @ExampleObject(name = "by partyId", value = Examples.BY_PARTY_ID),
                                @ExampleObject(
                                        name = "by person number",
                                        value = Examples.BY_PERSON_NUMBER)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the instance's URL",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<Object>> create(
            @Parameter(
                            description = "The owner's party id (instead of one in the template)",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,18}$"),
                            example = "50001337")
                    @QueryParam("instanceOwnerPartyId")
                    String instanceOwnerPartyId,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest request) {
        return metrics.counted(
                        "create",
                        () ->
                                instantiation.createFromTemplate(
                                        caller.get(),
                                        instanceOwnerPartyId,
                                        bodies.of(request),
                                        idempotencyKey))
                .map(CreatedResponses::of);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = CREATE, summary = CREATE_SUMMARY, description = CREATE_DESCRIPTION)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = MultipartCreateForm.class),
                            encoding =
                                    @Encoding(
                                            name = "instance",
                                            contentType = MediaType.APPLICATION_JSON)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the instance's URL",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<Object>> createWithData(
            @Parameter(
                            description = "The owner's party id (instead of one in the template)",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,18}$"),
                            example = "50001337")
                    @QueryParam("instanceOwnerPartyId")
                    String instanceOwnerPartyId,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest request) {
        return metrics.counted(
                        "create-multipart",
                        () ->
                                instantiation.createWithData(
                                        caller.get(),
                                        instanceOwnerPartyId,
                                        bodies.of(request),
                                        idempotencyKey))
                .map(CreatedResponses::of);
    }

    @POST
    @Path("create")
    @Operation(
            operationId = "createInstanceSimplified",
            summary = "Simplified create: form data from a key/value prefill, or a copy",
            description =
                    "prefill maps dotted paths of the form data model to values (typed by the model"
                            + " schema; unknown paths or wrong types are 400, listing every key)."
                            + " sourceInstanceId copies an archived instance of the same owner, as"
                            + " copyInstanceSettings allow. Not both.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimplifiedCreateRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the instance's URL",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<Object>> createSimplified(
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest request) {
        return metrics.counted(
                        "create-simplified",
                        () -> simplified.create(caller.get(), bodies.of(request), idempotencyKey))
                .map(CreatedResponses::of);
    }
}
